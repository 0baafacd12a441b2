using CoalitionBot.Configuration;

namespace CoalitionBot.Ingestion;

internal static class IngestionExtensions
{
    /// <summary>Options for polling Discord for new messages.</summary>
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<IngestionOptions, IngestionOptionsValidator>().BindConfiguration(IngestionOptions.SectionName);
        return builder;
    }
}
