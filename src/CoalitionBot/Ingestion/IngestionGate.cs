using System.Net;
using CoalitionBot.Discord;
using CoalitionBot.Discord.RateLimits;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Ingestion;

/// What polls and refreshes share: one lock, taken in turn (the job, the admin trigger and the
/// digest), and one handling of what Discord answers: a rejected token stops both until a probe,
/// and a passing failure becomes the round's error instead of an exception. It logs under the
/// poller's category, the one TROUBLESHOOTING.md quotes.
internal sealed class IngestionGate(PollStatus status, RateLimitRegistry rateLimits, IOptions<DiscordOptions> discord, TimeProvider time, ILogger<Poller> logger) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    /// The server to read, when a bot token and a server are both configured.
    public ulong? GuildId => discord.Value is { HasBotToken: true, GuildSnowflake: { } id } ? id : null;

    public PollStatus Status => status;

    public DateTimeOffset Now() => time.GetUtcNow();

    public async Task<T> HoldAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            gate.Release();
        }
    }

    /// Runs one round of requests to Discord; a rejected token or a passing failure (after
    /// <paramref name="onFailure"/>) comes back through <paramref name="failed"/>.
    public async Task<T> GuardAsync<T>(Func<Round, Task<T>> work, Func<Failure, T> failed, Action<string> onFailure, CancellationToken cancellationToken)
    {
        var round = new Round(rateLimits);
        try
        {
            return await work(round);
        }
        catch (DiscordApiException exception) when (exception.Status == HttpStatusCode.Unauthorized)
        {
            RejectToken();
            return failed(new Failure(round.Requests, TokenRejectedError(), TokenRejected: true));
        }
        catch (Exception exception) when (IsFailure(exception, cancellationToken))
        {
            onFailure(exception.Message);
            return failed(new Failure(round.Requests, exception.Message, TokenRejected: false));
        }
    }

    /// Why polling waits while the token is rejected, with when it is tried again.
    public string TokenRejectedError() =>
        status.Current.NextProbeAt is { } next
            ? $"{PollStatus.TokenRejectedReason}; it is tried again at {next:u}, or at once with an admin poll"
            : PollStatus.TokenRejectedReason;

    public void Dispose() => gate.Dispose();

    /// One error line when Discord first refuses the token; a warning for each probe that finds it still refused.
    private void RejectToken()
    {
        var first = status.RejectToken(time.GetUtcNow());
        var next = status.Current.NextProbeAt!.Value;
        if (first)
        {
            Log.TokenRejected(logger, next);
        }
        else
        {
            Log.TokenStillRejected(logger, next);
        }
    }

    private static bool IsFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is DiscordApiException or HttpRequestException or UnexpectedPageException
            or System.Text.Json.JsonException or LiteDB.LiteException or IOException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    /// Why a round stopped, and the requests it had sent.
    internal sealed record Failure(long Requests, string Error, bool TokenRejected);

    /// The requests one round has sent so far.
    internal sealed class Round(RateLimitRegistry rateLimits)
    {
        private readonly long before = rateLimits.RequestsSent;

        public long Requests => rateLimits.RequestsSent - before;
    }
}
