using Microsoft.Extensions.Diagnostics.HealthChecks;
using CoalitionBot.Operations;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Ingestion;

/// "polling" in /healthz: off (and why), the last poll, or unhealthy (503, so Uptime Kuma alerts)
/// while Discord refuses the bot token (it is tried again on its own) or no poll has succeeded for three intervals.
internal sealed class PollingHealthCheck(Poller poller, PollStatus status, IOptions<IngestionOptions> options, TimeProvider time, ProcessStart start) : IHealthCheck
{
    /// Polls missed before the check turns unhealthy.
    public const int MissedPollsTolerated = 3;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = status.Current;
        var data = new Dictionary<string, object>();
        if (snapshot.LastSuccess is { } last)
        {
            data["lastPoll"] = last.FinishedAt;
            data["channelsRead"] = last.ChannelsRead;
            data["messagesStored"] = last.MessagesStored;
            data["requests"] = last.Requests;
            if (last.Incomplete.Count > 0)
            {
                data["incomplete"] = string.Join(", ", last.Incomplete);
            }
        }

        if (snapshot.LastFailure is { } failure)
        {
            data["lastFailure"] = failure;
            data["lastFailureAt"] = snapshot.LastFailureAt!.Value;
        }

        // Late: no successful poll for three intervals, counted from the last success or, before
        // any, from the start of the process (plus the first poll's delay).
        var since = snapshot.LastSuccess?.FinishedAt ?? start.At + PollSchedule.FirstPollDelay;
        var late = time.GetUtcNow() - since > options.Value.PollInterval * MissedPollsTolerated;
        var lastFailure = snapshot.LastFailure;
        var result = true switch
        {
            _ when !poller.IsConfigured => HealthText.Healthy(t => t.PollingOff, data),
            _ when snapshot.TokenRejected => HealthText.Unhealthy(t => HealthTexts.Format(t.TokenRejectedFormat, snapshot.TokenRejectedSince, snapshot.NextProbeAt), data),
            _ when late && snapshot.LastSuccess is null => HealthText.Unhealthy(t => HealthTexts.Format(t.NeverPolledFormat, start.At) + LastFailure(t, lastFailure), data),
            _ when late => HealthText.Unhealthy(t => HealthTexts.Format(t.NoPollSinceFormat, since) + LastFailure(t, lastFailure), data),
            _ when lastFailure is not null => HealthText.Degraded(t => HealthTexts.Format(t.PollFailedFormat, lastFailure), data),
            _ when snapshot.LastSuccess is null => HealthText.Healthy(t => t.FirstPollAwaited, data),
            _ when snapshot.LastSuccess.Incomplete is { Count: > 0 } incomplete => HealthText.Degraded(t => HealthTexts.Format(t.PollIncompleteFormat, string.Join(", ", incomplete)), data),
            _ when snapshot.ContentWarning is { } warning => HealthText.Degraded(t => warning == Poller.MessageContentWarning ? t.MessageContentOff : warning, data),
            _ => HealthText.Healthy(t => t.Polling, data),
        };
        return Task.FromResult(result);
    }

    private static string LastFailure(HealthTexts texts, string? lastFailure) =>
        lastFailure is null ? "" : HealthTexts.Format(texts.LastFailureFormat, lastFailure);
}
