using CoalitionBot.Configuration;
using CoalitionBot.Digest;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoalitionBot.Summarization;

internal static class SummarizationExtensions
{
    /// <summary>The optional abstract by a local model: options, the digest's abstract writer, its health check and the start-up warning.</summary>
    public static IHostApplicationBuilder AddSummarization(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<SummarizationOptions, SummarizationOptionsValidator>().BindConfiguration(SummarizationOptions.SectionName);
        builder.Services.AddSingleton<SummarizationStatus>();
        builder.Services.RemoveAll<IDigestAbstracts>();
        builder.Services.AddSingleton<IDigestAbstracts, ModelAbstracts>();
        // One attempt, bounded by the abstract's own timeout (the client's 100 s default would cut a slow Pi short).
        builder.Services.AddHttpClient(ModelAbstracts.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddHostedService<EndpointWarning>();
        builder.Services.AddHealthChecks().AddCheck<SummarizationHealthCheck>("summarization");
        return builder;
    }
}
