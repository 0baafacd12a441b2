using CoalitionBot.Admin;
using CoalitionBot.Digest;
using CoalitionBot.Operations;

namespace CoalitionBot.Health;

/// Says once, at start, each thing that is switched off and why, and when the digest's audience
/// sees none of the channels it follows (as the last poll stored them).
internal sealed class StartupReport(FeatureStates features, DigestAudience audience, ILogger<StartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var feature in features.Compute().Where(f => !f.Enabled))
        {
            Log.FeatureOff(logger, feature.Name, feature.Detail);
        }

        try
        {
            if (audience.Problem() is { } problem)
            {
                Log.AudienceProblem(logger, problem(HealthTexts.English));
            }
        }
        catch (Exception exception) when (Storage.Database.IsUnavailable(exception))
        {
            // The storage check says why; the bot still starts and serves /healthz.
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
