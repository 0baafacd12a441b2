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
            return Task.FromResult(HealthText.Healthy(t => t.SummarizationOff));
        }

        var model = value.Model;
        var data = new Dictionary<string, object>();
        var last = status.Last;
        if (last is not null)
        {
            data["lastAttempt"] = last.At;
        }

        if (last is { Failure: { } failure, Reason: { } reason })
        {
            data["reason"] = failure;
            return Task.FromResult(HealthText.Degraded(t => HealthTexts.Format(t.SummarizationFailedFormat, model, reason(t)), data));
        }

        if (!settings.Switches().Abstracts)
        {
            return Task.FromResult(HealthText.Healthy(t => HealthTexts.Format(t.SummarizationSwitchedOffFormat, model), data));
        }

        return Task.FromResult(last is not null
            ? HealthText.Healthy(t => HealthTexts.Format(t.SummarizationLastFormat, model, last.Took.TotalSeconds), data)
            : HealthText.Healthy(t => HealthTexts.Format(t.SummarizationNotAskedFormat, model), data));
    }
}
