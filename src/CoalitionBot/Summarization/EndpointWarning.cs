using Microsoft.Extensions.Options;

namespace CoalitionBot.Summarization;

/// One warning at start when the model is elsewhere than this machine or the local network: the
/// day's messages would leave the association's machines.
internal sealed class EndpointWarning(IOptions<SummarizationOptions> options, ILogger<EndpointWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var value = options.Value;
        if (value.IsConfigured && Uri.TryCreate(value.Endpoint.Trim(), UriKind.Absolute, out var uri) && !EndpointLocality.IsLocal(uri))
        {
            Log.EndpointNotLocal(logger, uri.Host);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
