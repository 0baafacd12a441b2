using CoalitionBot.Operations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoalitionBot.Digest;

/// "audience" in /healthz: degraded when the audience names no role of the server, or when no
/// channel the digest follows is visible to it (the digest would hold only important channels).
internal sealed class AudienceHealthCheck(DigestAudience audience) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return Task.FromResult(Check());
        }
        catch (Exception exception) when (Storage.Database.IsUnavailable(exception))
        {
            var reason = exception.Message;
            return Task.FromResult(HealthText.Degraded(texts => HealthTexts.Format(texts.DatabaseUnavailableFormat, reason)));
        }
    }

    private HealthCheckResult Check()
    {
        if (audience.Problem() is { } problem)
        {
            return HealthText.Degraded(problem);
        }

        var view = audience.Current();
        var (followed, visible) = audience.Followed();
        return HealthText.Healthy(texts => HealthTexts.Format(texts.AudienceFormat, view.Label, visible, followed));
    }
}
