using CoalitionBot.Operations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoalitionBot.Digest;

/// Unhealthy when the last digest that should have gone by now has not (late or failing), so
/// Uptime Kuma alerts; healthy while retries still have time. A day waiting for Discord is degraded
/// rather than late: the polling check is the one that alerts about Discord; only a day still waiting
/// a day after it was due turns this check unhealthy too (a channel that keeps failing, say).
internal sealed class DigestHealthCheck(DigestService service, DigestLedger ledger, ProcessStart start, TimeProvider time) : IHealthCheck
{
    /// Room for the retries with backoff before a digest counts as late.
    public static readonly TimeSpan Grace = TimeSpan.FromHours(2);

    /// How long past its send time a day may wait for Discord before this check alerts as well.
    public static readonly TimeSpan WaitLimit = TimeSpan.FromHours(24);

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

        if (!service.Covers(DigestSlot.Day(day, service.Zone)))
        {
            return Task.FromResult(HealthText.Healthy(
                $"no digest of {DigestLedger.Key(day)}: the bot was not reading the server yet",
                $"pas de résumé du {DigestLedger.Key(day)} : le bot ne lisait pas encore le serveur", data));
        }

        if (record is { State: DigestState.Pending, WaitingFor: { } reason })
        {
            data["waitingFor"] = reason;
            var key = DigestLedger.Key(day);
            return Task.FromResult(now - service.DueAt(day) < WaitLimit
                ? HealthText.Degraded($"the digest of {key} waits for Discord: {reason}", $"le résumé du {key} attend Discord : {reason}", data)
                : HealthText.Unhealthy($"the digest of {key} has waited for Discord since {record.WaitingSince:u}: {reason}", $"le résumé du {key} attend Discord depuis le {record.WaitingSince:u} : {reason}", data));
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
