using CoalitionBot.Configuration;

namespace CoalitionBot.Monitoring;

internal static class MonitoringExtensions
{
    /// <summary>Options for the push to Uptime Kuma.</summary>
    public static IHostApplicationBuilder AddMonitoring(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<MonitoringOptions, MonitoringOptionsValidator>().BindConfiguration(MonitoringOptions.SectionName);
        return builder;
    }
}
