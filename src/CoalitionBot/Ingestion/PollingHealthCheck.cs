using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Ingestion;

/// "polling" in /healthz: off (and why), the last poll, or the bot token Discord refused (unhealthy).
internal sealed class PollingHealthCheck(Poller poller, PollStatus status, IOptions<IngestionOptions> options, TimeProvider time) : IHealthCheck
{
    /// Polls missed before the check turns degraded.
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

        var result = true switch
        {
            _ when !poller.IsConfigured => HealthCheckResult.Healthy("off: Discord:BotToken and Discord:GuildId are needed for polling", data),
            _ when snapshot.TokenRejected => HealthCheckResult.Unhealthy("stopped: Discord rejected the bot token (401); set a valid Discord:BotToken and restart", data: data),
            _ when snapshot.LastFailure is not null => HealthCheckResult.Degraded("the last poll failed: " + snapshot.LastFailure, data: data),
            _ when snapshot.LastSuccess is null => HealthCheckResult.Healthy("waiting for the first poll", data),
            _ when snapshot.ContentWarning is { } warning => HealthCheckResult.Degraded(warning, data: data),
            _ when time.GetUtcNow() - snapshot.LastSuccess.FinishedAt > options.Value.PollInterval * MissedPollsTolerated =>
                HealthCheckResult.Degraded($"no poll since {snapshot.LastSuccess.FinishedAt:u}", data: data),
            _ => HealthCheckResult.Healthy("polling", data),
        };
        return Task.FromResult(result);
    }
}
