using System.Diagnostics;
using CoalitionBot.Digest;
using CoalitionBot.Digest.Rendering;
using CoalitionBot.Operations;
using CoalitionBot.Storage;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Summarization;

/// Asks the model for the day's abstract: only when an endpoint is set and (except for the preview)
/// moderators have it on; bounded by Summarization:Timeout; never throws, so the digest goes out
/// on time with or without it. Each attempt is recorded for the health check.
internal sealed class ModelAbstracts(
    IHttpClientFactory http,
    SettingsStore settings,
    SummarizationStatus status,
    IOptions<SummarizationOptions> options,
    TimeProvider time,
    ILogger<ModelAbstracts> logger) : IDigestAbstracts
{
    public const string HttpClientName = "summarization";

    /// Room for five sentences and their citations in any of the small models' tokenizers.
    public const int MaxOutputTokens = 400;

    /// Low, for a summary that keeps to what was said.
    public const double Temperature = 0.2;

    public async Task<AbstractResult> WriteAsync(DailyDigest digest, DigestRenderContext context, AbstractUse use, CancellationToken cancellationToken)
    {
        var value = options.Value;
        if (!value.IsConfigured)
        {
            return AbstractResult.None("off: Summarization:Endpoint is not set");
        }

        if (use != AbstractUse.Preview && !SwitchedOn())
        {
            return AbstractResult.None("switched off on the admin page");
        }

        var prompt = AbstractPrompt.Build(digest, context, value.MaxInputTokens);
        if (prompt.Links.Count == 0)
        {
            return AbstractResult.None("no message to summarise");
        }

        var period = context.Title(digest);
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(value.Timeout);
        (DigestAbstract? Abstract, AbstractFailure? Failure, HealthMessage? Reason) outcome;
        try
        {
            var request = new ChatCompletionRequest(
                value.Model,
                [new ChatMessage("system", prompt.Instructions), new ChatMessage("user", prompt.Messages)],
                MaxOutputTokens,
                Temperature);
            var answer = await ChatCompletions.CompleteAsync(http.CreateClient(HttpClientName), value.CompletionsUri(), request, timeout.Token);
            var (written, unusable) = AbstractParser.Parse(answer, prompt.Links, value.Model);
            outcome = (written, written is null ? AbstractFailure.UnusableAnswer : null, written is null ? t => HealthTexts.Format(t.SummarizationUnusableFormat, unusable) : null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var seconds = value.Timeout.TotalSeconds;
            outcome = (null, AbstractFailure.Timeout, t => HealthTexts.Format(t.SummarizationTimeoutFormat, seconds));
        }
        catch (HttpRequestException exception) when (exception.StatusCode is { } status)
        {
            var code = (int)status;
            outcome = (null, AbstractFailure.HttpError, t => HealthTexts.Format(t.SummarizationHttpFormat, code));
        }
        catch (HttpRequestException)
        {
            outcome = (null, AbstractFailure.Unreachable, t => t.SummarizationUnreachable);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A body that is not a chat completion (JsonException), or anything else odd.
            var kind = exception.GetType().Name;
            outcome = (null, AbstractFailure.UnusableAnswer, t => HealthTexts.Format(t.SummarizationUnusableFormat, kind));
        }

        var took = Stopwatch.GetElapsedTime(started);
        status.Record(new SummarizationStatus.Attempt(time.GetUtcNow(), took, outcome.Failure, outcome.Reason));
        if (outcome.Abstract is { } done)
        {
            var seconds = Math.Round(took.TotalSeconds, 1);
            var cited = done.Citations.Count;
            Log.AbstractWritten(logger, period, value.Model, seconds, prompt.Links.Count, cited);
            return AbstractResult.Written(done);
        }

        var reason = outcome.Reason?.Invoke(HealthTexts.English) ?? "";
        Log.AbstractFailed(logger, period, reason);
        return AbstractResult.None(reason);
    }

    private bool SwitchedOn()
    {
        try
        {
            return settings.Switches().Abstracts;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The abstract is optional: a switch that cannot be read means none, never a failed digest.
            Log.AbstractFailed(logger, "any day", "the switches cannot be read: " + exception.Message);
            return false;
        }
    }
}
