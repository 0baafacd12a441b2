using CoalitionBot.Admin;

namespace CoalitionBot.Health;

/// Says once, at start, each thing that is switched off and why.
internal sealed class StartupReport(FeatureStates features, ILogger<StartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var feature in features.Compute().Where(f => !f.Enabled))
        {
            Log.FeatureOff(logger, feature.Name, feature.Detail);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
