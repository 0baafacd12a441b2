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
            return Task.FromResult(HealthText.Healthy(t => t.DigestUnaddressed));
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
            return Task.FromResult(HealthText.Healthy(t => t.DigestSent, data));
        }

        if (!service.Covers(DigestSlot.Day(day, service.Zone)))
        {
            return Task.FromResult(HealthText.Healthy(t => HealthTexts.Format(t.DigestBeforeReadingFormat, DigestLedger.Key(day)), data));
        }

        if (record is { State: DigestState.Pending, WaitingFor: { } reason })
        {
            data["waitingFor"] = reason;
            var key = DigestLedger.Key(day);
            return Task.FromResult(now - service.DueAt(day) < WaitLimit
                ? HealthText.Degraded(t => HealthTexts.Format(t.DigestWaitsFormat, key, reason), data)
                : HealthText.Unhealthy(t => HealthTexts.Format(t.DigestWaitsSinceFormat, key, record.WaitingSince, reason), data));
        }

        if (now < start.At + Grace)
        {
            return Task.FromResult(HealthText.Healthy(t => t.DigestCatchingUp, data));
        }

        if (record is not null)
        {
            data["attempts"] = record.Attempts;
            data["lastError"] = record.LastError ?? "";
        }

        var failed = record?.State == DigestState.Failed;
        return Task.FromResult(HealthText.Unhealthy(t => HealthTexts.Format(failed ? t.DigestFailedFormat : t.DigestLateFormat, DigestLedger.Key(day)), data));
    }
}
