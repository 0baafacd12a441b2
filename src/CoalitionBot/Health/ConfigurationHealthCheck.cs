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
        return Task.FromResult(HealthText.Healthy(
            $"{states.Count(f => f.Enabled)} of {states.Count} features on", $"{states.Count(f => f.Enabled)} fonctions actives sur {states.Count}", data));
    }
}
