using CoalitionBot.Discord;
using CoalitionBot.Operations;
using CoalitionBot.Security;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoalitionBot.Admin;

/// The status the admin API and page show: health, features, switches, each feature's section.
internal sealed class AdminStatus(
    HealthCheckService health,
    FeatureStates features,
    ProcessStart start,
    TimeProvider time,
    StatusSections sections,
    AdminSwitches switches,
    Refusals refusals)
{
    public async Task<StatusView> StatusAsync(CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var now = time.GetUtcNow();
        return new StatusView(
            DiscordExtensions.Version,
            start.At,
            Math.Round((now - start.At).TotalSeconds),
            report.Status == HealthStatus.Unhealthy ? "unhealthy" : "healthy",
            HealthText.States(report),
            features.Compute(),
            switches.TryRead(),
            sections.Describe(),
            refusals.Counts());
    }
}
