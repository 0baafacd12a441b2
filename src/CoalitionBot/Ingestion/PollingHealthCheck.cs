using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Ingestion;

/// "polling" in /healthz: off (and why), the last poll, or unhealthy (503, so Uptime Kuma alerts)
/// when Discord refused the bot token or no poll has succeeded for three intervals.
internal sealed class PollingHealthCheck(Poller poller, PollStatus status, IOptions<IngestionOptions> options, TimeProvider time, Health.ProcessStart start) : IHealthCheck
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
        var result = true switch
        {
            _ when !poller.IsConfigured => HealthCheckResult.Healthy("off: Discord:BotToken and Discord:GuildId are needed for polling", data),
            _ when snapshot.TokenRejected => HealthCheckResult.Unhealthy("stopped: Discord rejected the bot token (401); set a valid Discord:BotToken and restart", data: data),
            _ when late => HealthCheckResult.Unhealthy(
                snapshot.LastSuccess is null ? $"no poll has succeeded since the start at {start.At:u}" + Failure(snapshot.LastFailure) : $"no successful poll since {since:u}" + Failure(snapshot.LastFailure),
                data: data),
            _ when snapshot.LastFailure is not null => HealthCheckResult.Degraded("the last poll failed: " + snapshot.LastFailure, data: data),
            _ when snapshot.LastSuccess is null => HealthCheckResult.Healthy("waiting for the first poll", data),
            _ when snapshot.ContentWarning is { } warning => HealthCheckResult.Degraded(warning, data: data),
            _ => HealthCheckResult.Healthy("polling", data),
        };
        return Task.FromResult(result);
    }

    private static string Failure(string? lastFailure) => lastFailure is null ? "" : "; last failure: " + lastFailure;
}
