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
            _ when !poller.IsConfigured => HealthText.Healthy(
                "off: Discord:BotToken and Discord:GuildId are needed for polling",
                "arrêtée : Discord:BotToken et Discord:GuildId sont nécessaires pour lire le serveur", data),
            _ when snapshot.TokenRejected => HealthText.Unhealthy(
                $"stopped: Discord rejected the bot token (401) at {snapshot.TokenRejectedSince:u}; it is tried again at {snapshot.NextProbeAt:u} (an admin poll tries at once); if it was revoked, set a valid Discord:BotToken and restart",
                $"arrêtée : Discord a refusé le jeton du bot (401) le {snapshot.TokenRejectedSince:u} ; il est réessayé le {snapshot.NextProbeAt:u} (une collecte depuis l'admin réessaie tout de suite) ; s'il a été révoqué, réglez un Discord:BotToken valable et redémarrez", data),
            _ when late && snapshot.LastSuccess is null => HealthText.Unhealthy(
                $"no poll has succeeded since the start at {start.At:u}" + (lastFailure is null ? "" : "; last failure: " + lastFailure),
                $"aucune lecture n'a réussi depuis le démarrage, le {start.At:u}" + (lastFailure is null ? "" : " ; dernier échec : " + lastFailure), data),
            _ when late => HealthText.Unhealthy(
                $"no successful poll since {since:u}" + (lastFailure is null ? "" : "; last failure: " + lastFailure),
                $"aucune lecture réussie depuis le {since:u}" + (lastFailure is null ? "" : " ; dernier échec : " + lastFailure), data),
            _ when lastFailure is not null => HealthText.Degraded("the last poll failed: " + lastFailure, "la dernière lecture a échoué : " + lastFailure, data),
            _ when snapshot.LastSuccess is null => HealthText.Healthy("waiting for the first poll", "en attente de la première lecture", data),
            _ when snapshot.LastSuccess.Incomplete is { Count: > 0 } incomplete => HealthText.Degraded(
                $"the last poll could not read {string.Join(", ", incomplete)}; the next poll tries again",
                $"la dernière lecture n'a pas pu lire {string.Join(", ", incomplete)} ; la prochaine réessaie", data),
            _ when snapshot.ContentWarning is { } warning => HealthText.Degraded(
                warning, warning == Poller.MessageContentWarning ? Poller.MessageContentWarningFrench : warning, data),
            _ => HealthText.Healthy("polling", "lecture en cours", data),
        };
        return Task.FromResult(result);
    }
}
