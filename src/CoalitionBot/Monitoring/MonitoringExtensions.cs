using CoalitionBot.Configuration;

namespace CoalitionBot.Monitoring;

internal static class MonitoringExtensions
{
    /// <summary>The push to Uptime Kuma after each successful poll and digest (Monitoring:PushUrl).</summary>
    public static IHostApplicationBuilder AddMonitoring(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<MonitoringOptions, MonitoringOptionsValidator>().BindConfiguration(MonitoringOptions.SectionName);
        builder.Services.AddHttpClient<UptimeKumaPush>(http => http.Timeout = TimeSpan.FromSeconds(10));
        return builder;
    }
}
