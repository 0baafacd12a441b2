using CoalitionBot.Operations;
using CoalitionBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Summarization;

/// Degraded while the last request to the model failed (slow, down, nonsense), with the reason;
/// never unhealthy: the digest goes out without the abstract. The reason is also one word under
/// "reason" (an <see cref="AbstractFailure"/>), which the public /healthz may show.
internal sealed class SummarizationHealthCheck(SummarizationStatus status, SettingsStore settings, IOptions<SummarizationOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var value = options.Value;
        if (!value.IsConfigured)
        {
            return Task.FromResult(HealthText.Healthy("off: Summarization:Endpoint is not set", "désactivé : Summarization:Endpoint n'est pas réglé"));
        }

        var data = new Dictionary<string, object>();
        if (status.Last is { } last)
        {
            data["lastAttempt"] = last.At;
            if (last.Failure is { } failure)
            {
                data["reason"] = failure;
                return Task.FromResult(HealthText.Degraded(
                    $"the last abstract by {value.Model} failed: {last.Reason}",
                    $"le dernier résumé par {value.Model} a échoué : {last.FrenchReason}",
                    data));
            }
        }

        if (!settings.Switches().Abstracts)
        {
            return Task.FromResult(HealthText.Healthy($"{value.Model} is set, switched off on the admin page", $"{value.Model} est réglé, désactivé sur la page d'administration", data));
        }

        return Task.FromResult(status.Last is { } ok
            ? HealthText.Healthy($"the last abstract was written by {value.Model} in {ok.Took.TotalSeconds:0.#} s", $"le dernier résumé a été écrit par {value.Model} en {ok.Took.TotalSeconds:0.#} s", data)
            : HealthText.Healthy($"on, with {value.Model}; no abstract asked for yet", $"activé, avec {value.Model} ; aucun résumé demandé encore", data));
    }
}
