using CoalitionBot.Admin;
using CoalitionBot.Operations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoalitionBot.Health;

/// Missing configuration switches features off; that is reported, not unhealthy.
internal sealed class ConfigurationHealthCheck(FeatureStates features) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var states = features.Compute();
        var data = states.ToDictionary(f => f.Name, f => (object)(f.Enabled ? "on: " + f.Detail : "off: " + f.Detail));
        return Task.FromResult(HealthText.Healthy(t => HealthTexts.Format(t.FeaturesOnFormat, states.Count(f => f.Enabled), states.Count), data));
    }
}
