using System.Net;
using CoalitionBot.Digest;
using CoalitionBot.Discord;
using CoalitionBot.Discord.RateLimits;
using CoalitionBot.Monitoring;
using CoalitionBot.Storage;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Ingestion;

/// One poll: discover channels and threads, then read each one that has news since its cursor.
/// Also the refresh of a period before a digest. One at a time (the job, the admin trigger and
/// the digest share this gate).
internal sealed partial class Poller(
    ChannelDiscovery discovery,
    ChannelReader reader,
    ChannelStore channels,
    MessageStore messages,
    CursorStore cursors,
    PollStatus status,
    RateLimitRegistry rateLimits,
    IOptions<DiscordOptions> discord,
    IOptions<IngestionOptions> ingestion,
    IOptions<DigestOptions> digest,
    IOptions<StorageOptions> storage,
    UptimeKumaPush monitoring,
    TimeProvider time,
    ILogger<Poller> logger) : IDisposable
{
    public const string MessageContentWarning =
        "every member's message read had empty content: enable the Message Content intent on the Bot page of Discord's Developer Portal";

    public const string MessageContentWarningFrench =
        "tous les messages de membres lus étaient vides : activez l'intent Message Content sur la page Bot du portail développeur de Discord";

    /// Members' messages read in one poll before an all-empty result means the intent is off.
    private const int ContentCheckMinimum = 10;

    private readonly SemaphoreSlim gate = new(1, 1);

    /// Cancels work shared between callers (a refresh reused by several /resume) when the host stops.
    private readonly CancellationTokenSource stopping = new();

    public bool IsConfigured => discord.Value is { HasBotToken: true, GuildSnowflake: not null };

    /// One scheduled poll. While Discord rejects the bot token it asks only when a probe is due.
    public async Task<PollSummary> PollAsync(CancellationToken cancellationToken) =>
        (await PollAsync(probeNow: false, unlessAskedSince: null, cancellationToken))!;

    /// The admin's "poll now": asks Discord at once, even while the token is rejected (a probe).
    public async Task<PollSummary> PollNowAsync(CancellationToken cancellationToken) =>
        (await PollAsync(probeNow: true, unlessAskedSince: null, cancellationToken))!;

    /// Polls unless a poll that began at or after <paramref name="instant"/> has already asked Discord
    /// (the digest needs one that began after its day ended; during an outage the job's attempts count).
    public Task PollUnlessAskedSinceAsync(DateTimeOffset instant, CancellationToken cancellationToken) =>
        PollAsync(probeNow: false, unlessAskedSince: instant, cancellationToken);

    private async Task<PollSummary?> PollAsync(bool probeNow, DateTimeOffset? unlessAskedSince, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        if (discord.Value is not { HasBotToken: true, GuildSnowflake: { } guildId })
        {
            return new PollSummary(PollOutcomes.Off, started, started, 0, 0, 0, [], "Discord:BotToken and Discord:GuildId must be set for polling");
        }

        if (!probeNow && !status.MayAsk(started))
        {
            return Stopped(started);
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            started = time.GetUtcNow();
            if (unlessAskedSince is { } since && status.Current.LastAttemptAt >= since)
            {
                return null;
            }

            if (!probeNow && !status.MayAsk(started))
            {
                // The poll this one waited for found the token rejected.
                return Stopped(started);
            }

            status.Attempted(started);
            var wasRejected = status.TokenRejected;
            var requestsBefore = rateLimits.RequestsSent;
            var progress = new Progress();
            var firstPoll = cursors.LastPollStartedAt is null;
            try
            {
                await PollChannelsAsync(guildId, started, progress, cancellationToken);
                if (firstPoll)
                {
                    // Only a new database: one from before this was recorded keeps every day digestible.
                    cursors.SetCoveredSince(progress.BackfillStart);
                }

                cursors.SetLastPollStartedAt(started);

                var summary = progress.Summary(PollOutcomes.Completed, started, time.GetUtcNow(), rateLimits.RequestsSent - requestsBefore);
                status.Completed(summary);
                if (wasRejected)
                {
                    Log.TokenAccepted(logger);
                }

                // A quiet poll every few minutes is not news.
                Log.PollCompleted(logger, summary.MessagesStored > 0 ? LogLevel.Information : LogLevel.Debug, summary.ChannelsRead, summary.MessagesStored, summary.Requests);
                if (progress.ContentWithheld && status.Current.ContentWarning is null)
                {
                    Log.MessageContentWithheld(logger, progress.MemberMessages);
                    status.SetContentWarning(MessageContentWarning);
                }
                else if (progress.MemberMessagesWithContent > 0)
                {
                    status.SetContentWarning(null);
                }

                await monitoring.PushAsync($"poll: {summary.MessagesStored} messages", cancellationToken);
                return summary;
            }
            catch (DiscordApiException exception) when (exception.Status == HttpStatusCode.Unauthorized)
            {
                RejectToken();
                return progress.Summary(PollOutcomes.Stopped, started, time.GetUtcNow(), rateLimits.RequestsSent - requestsBefore, TokenRejectedError());
            }
            catch (Exception exception) when (IsPollFailure(exception, cancellationToken))
            {
                status.Failed(time.GetUtcNow(), exception.Message);
                Log.PollFailed(logger, exception.Message);
                return progress.Summary(PollOutcomes.Failed, started, time.GetUtcNow(), rateLimits.RequestsSent - requestsBefore, exception.Message);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// Why polling waits while the token is rejected, with when it is tried again.
    public string TokenRejectedError() =>
        status.Current.NextProbeAt is { } next
            ? $"{PollStatus.TokenRejectedReason}; it is tried again at {next:u}, or at once with an admin poll"
            : PollStatus.TokenRejectedReason;

    private PollSummary Stopped(DateTimeOffset at) => new(PollOutcomes.Stopped, at, at, 0, 0, 0, [], TokenRejectedError());

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

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
        gate.Dispose();
    }

    private async Task PollChannelsAsync(ulong guildId, DateTimeOffset started, Progress progress, CancellationToken cancellationToken)
    {
        // A channel or thread seen for the first time is read from the backfill start, or from the
        // last completed poll when that is earlier: a forum post opened while the bot was down for a
        // day still lands in that day's digest.
        var backfillStart = Backfill.Start(started, digest.Value.GetZone(), ingestion.Value.BackfillDays);
        if (cursors.LastPollStartedAt is { } lastPoll && lastPoll < backfillStart)
        {
            backfillStart = lastPoll;
        }

        progress.BackfillStart = backfillStart;
        var firstRead = StartAfter(backfillStart);
        // A cursor left behind (a channel excluded for a while) never reads what retention would purge.
        var oldestKept = StartAfter(started - TimeSpan.FromDays(storage.Value.RetentionDays));
        var (readable, refused) = await discovery.DiscoverAsync(guildId, backfillStart, cancellationToken);
        progress.Unreadable.AddRange(refused);
        foreach (var channel in readable)
        {
            var after = Math.Max(cursors.Get(channel.Id) ?? firstRead, oldestKept);
            if (channel.LastMessageId is not { } last || last <= after)
            {
                continue;
            }

            try
            {
                var read = await reader.ReadNewAsync(guildId, channel.Id, after, cancellationToken);
                progress.MessagesStored += read.Stored;
                progress.MemberMessages += read.MemberMessages;
                progress.MemberMessagesWithContent += read.MemberMessagesWithContent;
                progress.ChannelsRead++;
                if (channel.Unreadable is not null || channel.Incomplete is not null)
                {
                    discovery.Save(channel with { Unreadable = null, UnreadableAt = null, Incomplete = null, CompleteUntil = null });
                }
            }
            catch (DiscordApiException exception) when (exception.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            {
                discovery.Save(discovery.MarkUnreadable(channel, ChannelDiscovery.Reason(exception), time.GetUtcNow()));
                progress.Unreadable.Add(channel.Name);
            }
            catch (Exception exception) when (exception is System.Text.Json.JsonException or UnexpectedPageException)
            {
                // One channel's odd answer costs that channel this poll, not the whole poll.
                discovery.Save(MarkIncomplete(channel, exception.Message));
                progress.Incomplete[channel.Id] = channel.Name;
            }
        }

        // A channel the last poll could not read and this one did not try (excluded, refused, gone)
        // holds nothing back any more; one it read is already cleared.
        foreach (var stale in channels.All().Where(c => c.Incomplete is not null && !progress.Incomplete.ContainsKey(c.Id)))
        {
            discovery.Save(stale with { Incomplete = null, CompleteUntil = null });
        }
    }

    /// Says so once, when the channel starts failing; it stays complete up to the last poll that read
    /// it (or, never read, up to its creation: it holds nothing older).
    private StoredChannel MarkIncomplete(StoredChannel channel, string reason)
    {
        if (channel.Incomplete is not null)
        {
            return channel with { Incomplete = reason };
        }

        Log.ChannelReadFailed(logger, channel.Name, channel.Id, reason);
        var created = Snowflake.ToTime(channel.Id);
        var lastPoll = cursors.LastPollStartedAt;
        return channel with { Incomplete = reason, CompleteUntil = lastPoll > created ? lastPoll : created };
    }

    /// after= is exclusive: one less than the first id of that instant includes it.
    private static ulong StartAfter(DateTimeOffset at) => Snowflake.FromTime(at) is var id && id > 0 ? id - 1 : 0;

    private static bool IsPollFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is DiscordApiException or HttpRequestException or UnexpectedPageException
            or System.Text.Json.JsonException or LiteDB.LiteException or IOException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private sealed class Progress
    {
        public int ChannelsRead { get; set; }

        public int MessagesStored { get; set; }

        public int MemberMessages { get; set; }

        public int MemberMessagesWithContent { get; set; }

        public List<string> Unreadable { get; } = [];

        /// Where a channel read for the first time starts.
        public DateTimeOffset BackfillStart { get; set; }

        /// Channels this poll could not read for a passing reason, by id.
        public Dictionary<ulong, string> Incomplete { get; } = [];

        /// Enough members' messages, all empty: Discord is withholding message content.
        public bool ContentWithheld => MemberMessages >= ContentCheckMinimum && MemberMessagesWithContent == 0;

        public PollSummary Summary(string outcome, DateTimeOffset started, DateTimeOffset finished, long requests, string? error = null) =>
            new(outcome, started, finished, ChannelsRead, MessagesStored, requests, [.. Unreadable], error, ContentWithheld ? MessageContentWarning : null)
            {
                Incomplete = [.. Incomplete.Values],
            };
    }
}
