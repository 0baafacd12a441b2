using CoalitionBot.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoalitionBot.Digest;

/// Unhealthy when the last digest that should have gone by now has not (late or failing), so
/// Uptime Kuma alerts; healthy while retries still have time.
internal sealed class DigestHealthCheck(DigestService service, DigestLedger ledger, ProcessStart start, TimeProvider time) : IHealthCheck
{
    /// Room for the retries with backoff before a digest counts as late.
    public static readonly TimeSpan Grace = TimeSpan.FromHours(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(service.Options.To))
        {
            return Task.FromResult(HealthText.Healthy("Digest:To is not set: no digest is mailed", "Digest:To n'est pas réglé : aucun résumé n'est envoyé"));
        }

        var now = time.GetUtcNow();
        var day = service.LastCompleteDay();
        if (now < service.DueAt(day) + Grace)
        {
            day = day.AddDays(-1);
        }

        var record = ledger.Find(day);
        var data = new Dictionary<string, object> { ["day"] = DigestLedger.Key(day), ["state"] = record?.State.ToString() ?? "none" };
        if (record?.SentAt is { } sentAt)
        {
            data["sentAt"] = sentAt;
        }

        if (record is { State: DigestState.Sent or DigestState.Empty })
        {
            return Task.FromResult(HealthText.Healthy("the last digest went out", "le dernier résumé est parti", data));
        }

        if (now < start.At + Grace)
        {
            return Task.FromResult(HealthText.Healthy("started recently: missed digests are being caught up", "démarré il y a peu : les résumés manqués sont en cours de rattrapage", data));
        }

        if (record is not null)
        {
            data["attempts"] = record.Attempts;
            data["lastError"] = record.LastError ?? "";
        }

        var failed = record?.State == DigestState.Failed;
        return Task.FromResult(HealthText.Unhealthy(
            $"the digest of {DigestLedger.Key(day)} is {(failed ? "failed" : "late")}",
            $"le résumé du {DigestLedger.Key(day)} {(failed ? "a échoué" : "est en retard")}",
            data));
    }
}
