using System.Net;
using CoalitionBot.Digest;
using CoalitionBot.Discord;
using CoalitionBot.Storage;

namespace CoalitionBot.Ingestion;

/// The refreshes: a period re-read before its digest (once a poll that began after it has read every
/// channel), and the recent messages before /resume, shared between members asking at once. One at
/// a time with the polls (<see cref="IngestionGate"/>). Logs under the poller's category.
internal sealed class PeriodRefresh(
    IngestionGate gate,
    ChannelDiscovery discovery,
    ChannelReader reader,
    MessageStore messages,
    CursorStore cursors,
    ILogger<Poller> logger) : IDisposable
{
    /// A /resume refresh this recent (or still running) is reused rather than asking Discord again.
    public static readonly TimeSpan RecentRefreshReuse = TimeSpan.FromMinutes(3);

    /// Cancels work shared between callers (a refresh reused by several /resume) when the host stops.
    private readonly CancellationTokenSource stopping = new();

    private readonly Lock recentLock = new();
    private RecentRefresh? recent;

    /// Re-reads [from, to) in the channels that had messages then: edits and reactions are updated,
    /// messages deleted on Discord are deleted here. At most one request per 100 messages a channel.
    public async Task<RefreshSummary> RefreshAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (gate.GuildId is not { } guildId)
        {
            return new RefreshSummary(0, 0, 0, 0, "polling is off");
        }

        return await gate.HoldAsync(() => RefreshHeldAsync(guildId, from, to, cancellationToken), cancellationToken);
    }

    /// Before a digest: ready once a poll that began after <paramref name="to"/> has completed and no
    /// channel it could not read still lags behind <paramref name="to"/>; then the period is re-read,
    /// and a failed re-read waits too (a deleted message must not reach the mail).
    public async Task<DigestReadiness> PrepareDigestAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (gate.GuildId is not { } guildId)
        {
            return DigestReadiness.Ready;
        }

        return await gate.HoldAsync(async () =>
        {
            if (ReadinessAt(to) is { IsReady: false } waiting)
            {
                return waiting;
            }

            var refresh = await RefreshHeldAsync(guildId, from, to, cancellationToken);
            return refresh.Error is { } error ? DigestReadiness.Waiting("the re-read of the day before building failed: " + error) : DigestReadiness.Ready;
        }, cancellationToken);
    }

    /// /resume's refresh: one at a time for everyone, and one that ran or is running within
    /// <see cref="RecentRefreshReuse"/> from the same start or earlier is awaited instead of repeated.
    public Task<RefreshSummary> RefreshRecentAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        lock (recentLock)
        {
            var now = gate.Now();
            if (recent is not { } last || last.From > from || now - last.StartedAt >= RecentRefreshReuse)
            {
                // Not tied to the first member's request: the others await the same refresh.
                last = new RecentRefresh(from, now, RefreshAsync(from, to, stopping.Token));
                recent = last;
            }

            return last.Task.WaitAsync(cancellationToken);
        }
    }

    /// What a digest ending at <paramref name="end"/> still waits for; ready when nothing.
    private DigestReadiness ReadinessAt(DateTimeOffset end)
    {
        if (gate.Status.TokenRejected)
        {
            return DigestReadiness.Waiting(gate.TokenRejectedError());
        }

        if (cursors.LastPollStartedAt is not { } last || last < end)
        {
            var failure = gate.Status.Current.LastFailure is { } reason ? $" (last failure: {reason})" : "";
            return DigestReadiness.Waiting($"no poll that began after {end:u} has succeeded yet{failure}");
        }

        // 403/404 is a lasting state of a channel (shown to moderators), not a gap: only passing failures hold a day back.
        var all = discovery.Known();
        var parents = all.ToDictionary(c => c.Id, c => c.ParentId);
        var excluded = discovery.ExcludedIds();
        var lagging = all
            .Where(c => c is { Incomplete: not null, Unreadable: null } && (c.CompleteUntil ?? Snowflake.ToTime(c.Id)) < end
                && !ChannelDiscovery.IsExcluded(c.Id, id => parents.GetValueOrDefault(id), excluded))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        return lagging.Count == 0
            ? DigestReadiness.Ready
            : DigestReadiness.Waiting($"the last poll could not read {string.Join(", ", lagging.Select(c => $"{c.Name} ({c.Incomplete})"))}");
    }

    /// The refresh itself; the caller holds the gate.
    private async Task<RefreshSummary> RefreshHeldAsync(ulong guildId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (gate.Status.TokenRejected)
        {
            return new RefreshSummary(0, 0, 0, 0, gate.TokenRejectedError());
        }

        int read = 0, updated = 0, deleted = 0;
        return await gate.GuardAsync(
            ReadAsync,
            failure => new RefreshSummary(read, updated, deleted, failure.Requests, failure.Error),
            error => Log.RefreshFailed(logger, error),
            cancellationToken);

        async Task<RefreshSummary> ReadAsync(IngestionGate.Round round)
        {
            var known = discovery.Known().ToDictionary(c => c.Id);
            var excluded = discovery.ExcludedIds();
            foreach (var group in messages.InPeriod(from, to).GroupBy(m => m.ChannelId))
            {
                var channel = known.GetValueOrDefault(group.Key);
                if (ChannelDiscovery.IsExcluded(group.Key, id => known.GetValueOrDefault(id)?.ParentId, excluded) || channel?.Unreadable is not null)
                {
                    continue;
                }

                try
                {
                    var fresh = await reader.ReadPeriodAsync(guildId, group.Key, from, to, cancellationToken);
                    read++;
                    messages.Upsert(fresh);
                    updated += fresh.Count;
                    var present = fresh.Select(m => m.Id).ToHashSet();
                    deleted += messages.Delete(group.Where(m => !present.Contains(m.Id)).Select(m => m.Id));
                }
                catch (DiscordApiException exception) when (exception.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
                {
                    if (exception.Code == DiscordApiException.UnknownChannel)
                    {
                        // The channel was deleted, and its messages with it: they must not reach the mail.
                        deleted += messages.Delete(group.Select(m => m.Id));
                    }

                    if (channel is not null)
                    {
                        discovery.Save(discovery.MarkUnreadable(channel, ChannelDiscovery.Reason(exception), gate.Now()));
                    }
                }
            }

            Log.RefreshCompleted(logger, from, to, read, updated, deleted);
            return new RefreshSummary(read, updated, deleted, round.Requests);
        }
    }

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
    }

    private sealed record RecentRefresh(DateTimeOffset From, DateTimeOffset StartedAt, Task<RefreshSummary> Task);
}
