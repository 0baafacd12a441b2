using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using CoalitionBot.Digest;
using CoalitionBot.Digest.Rendering;
using CoalitionBot.Operations;
using CoalitionBot.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;

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
            var response = await Chat(value).GetResponseAsync(
                [new ChatMessage(ChatRole.System, prompt.Instructions), new ChatMessage(ChatRole.User, prompt.Messages)],
                new ChatOptions { Temperature = 0.2f, MaxOutputTokens = MaxOutputTokens },
                timeout.Token);
            var (written, unusable) = AbstractParser.Parse(response.Text, prompt.Links, value.Model);
            outcome = (written, written is null ? AbstractFailure.UnusableAnswer : null, written is null ? t => HealthTexts.Format(t.SummarizationUnusableFormat, unusable) : null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var seconds = value.Timeout.TotalSeconds;
            outcome = (null, AbstractFailure.Timeout, t => HealthTexts.Format(t.SummarizationTimeoutFormat, seconds));
        }
        catch (ClientResultException exception) when (exception.Status != 0)
        {
            var code = exception.Status;
            outcome = (null, AbstractFailure.HttpError, t => HealthTexts.Format(t.SummarizationHttpFormat, code));
        }
        catch (Exception exception) when (exception is HttpRequestException or ClientResultException)
        {
            outcome = (null, AbstractFailure.Unreachable, t => t.SummarizationUnreachable);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A body that is not a chat completion (the library cannot read it), or anything else odd.
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

    /// Microsoft.Extensions.AI's chat client over the OpenAI library, on our own HttpClient: no
    /// retries (one attempt within the timeout), no timeout of its own beyond ours.
    private IChatClient Chat(SummarizationOptions value)
    {
        var client = new OpenAIClient(new ApiKeyCredential("unused"), new OpenAIClientOptions
        {
            Endpoint = value.BaseUri(),
            Transport = new HttpClientPipelineTransport(http.CreateClient(HttpClientName)),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = value.Timeout,
        });
        return client.GetChatClient(value.Model).AsIChatClient();
    }
}
