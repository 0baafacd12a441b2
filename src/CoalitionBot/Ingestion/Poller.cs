using System.Net;
using CoalitionBot.Discord;
using CoalitionBot.Monitoring;
using CoalitionBot.Operations;
using CoalitionBot.Storage;

namespace CoalitionBot.Ingestion;

/// One poll: discover channels and threads, then read each one that has news since its cursor.
/// One at a time with the refreshes (<see cref="IngestionGate"/>).
internal sealed class Poller(
    ChannelDiscovery discovery,
    ChannelReader reader,
    CursorStore cursors,
    IngestionGate gate,
    ReadWindow window,
    UptimeKumaPush monitoring,
    ILogger<Poller> logger)
{
    public static readonly string MessageContentWarning = HealthTexts.English.MessageContentOff;

    /// Members' messages read in one poll before an all-empty result means the intent is off.
    private const int ContentCheckMinimum = 10;

    public bool IsConfigured => gate.GuildId is not null;

    private PollStatus Status => gate.Status;

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

    /// Why polling waits while the token is rejected, with when it is tried again.
    public string TokenRejectedError() => gate.TokenRejectedError();

    private async Task<PollSummary?> PollAsync(bool probeNow, DateTimeOffset? unlessAskedSince, CancellationToken cancellationToken)
    {
        var now = gate.Now();
        if (gate.GuildId is not { } guildId)
        {
            return new PollSummary(PollOutcomes.Off, now, now, 0, 0, 0, [], "Discord:BotToken and Discord:GuildId must be set for polling");
        }

        if (!probeNow && !Status.MayAsk(now))
        {
            return Stopped(now);
        }

        return await gate.HoldAsync<PollSummary?>(async () =>
        {
            var started = gate.Now();
            if (unlessAskedSince is { } since && Status.Current.LastAttemptAt >= since)
            {
                return null;
            }

            if (!probeNow && !Status.MayAsk(started))
            {
                // The poll this one waited for found the token rejected.
                return Stopped(started);
            }

            Status.Attempted(started);
            var progress = new Progress();
            return await gate.GuardAsync<PollSummary?>(
                round => PollHeldAsync(guildId, started, progress, round, cancellationToken),
                failure => progress.Summary(failure.TokenRejected ? PollOutcomes.Stopped : PollOutcomes.Failed, started, gate.Now(), failure.Requests, failure.Error),
                error =>
                {
                    Status.Failed(gate.Now(), error);
                    Log.PollFailed(logger, error);
                },
                cancellationToken);
        }, cancellationToken);
    }

    /// The poll itself; the caller holds the gate.
    private async Task<PollSummary?> PollHeldAsync(ulong guildId, DateTimeOffset started, Progress progress, IngestionGate.Round round, CancellationToken cancellationToken)
    {
        var wasRejected = Status.TokenRejected;
        var firstPoll = cursors.LastPollStartedAt is null;
        await PollChannelsAsync(guildId, started, progress, cancellationToken);
        if (firstPoll)
        {
            // Only a new database: one from before this was recorded keeps every day digestible.
            cursors.SetCoveredSince(progress.BackfillStart);
        }

        cursors.SetLastPollStartedAt(started);

        var summary = progress.Summary(PollOutcomes.Completed, started, gate.Now(), round.Requests);
        Status.Completed(summary);
        if (wasRejected)
        {
            Log.TokenAccepted(logger);
        }

        // A quiet poll every few minutes is not news.
        Log.PollCompleted(logger, summary.MessagesStored > 0 ? LogLevel.Information : LogLevel.Debug, summary.ChannelsRead, summary.MessagesStored, summary.Requests);
        if (progress.ContentWithheld && Status.Current.ContentWarning is null)
        {
            Log.MessageContentWithheld(logger, progress.MemberMessages);
            Status.SetContentWarning(MessageContentWarning);
        }
        else if (progress.MemberMessagesWithContent > 0)
        {
            Status.SetContentWarning(null);
        }

        await monitoring.PushAsync($"poll: {summary.MessagesStored} messages", cancellationToken);
        return summary;
    }

    private PollSummary Stopped(DateTimeOffset at) => new(PollOutcomes.Stopped, at, at, 0, 0, 0, [], gate.TokenRejectedError());

    private async Task PollChannelsAsync(ulong guildId, DateTimeOffset started, Progress progress, CancellationToken cancellationToken)
    {
        var backfillStart = window.BackfillStart(started, cursors.LastPollStartedAt);
        progress.BackfillStart = backfillStart;
        var firstRead = StartAfter(backfillStart);
        var oldestKept = StartAfter(window.OldestKept(started));
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
                discovery.Save(discovery.MarkUnreadable(channel, ChannelDiscovery.Reason(exception), gate.Now()));
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
        foreach (var stale in discovery.Known().Where(c => c.Incomplete is not null && !progress.Incomplete.ContainsKey(c.Id)))
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
