using CoalitionBot.Operations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoalitionBot.Digest;

/// "audience" in /healthz: degraded when the audience names no role of the server, or when no
/// channel the digest follows is visible to it (the digest would hold only important channels).
internal sealed class AudienceHealthCheck(DigestAudience audience) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (audience.Problem() is { } problem)
        {
            return Task.FromResult(HealthText.Degraded(problem));
        }

        var view = audience.Current();
        var (followed, visible) = audience.Followed();
        return Task.FromResult(HealthText.Healthy(texts => HealthTexts.Format(texts.AudienceFormat, view.Label, visible, followed)));
    }
}
