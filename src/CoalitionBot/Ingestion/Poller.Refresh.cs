using System.Net;
using CoalitionBot.Digest;
using CoalitionBot.Discord;

namespace CoalitionBot.Ingestion;

/// The refreshes: a period re-read before its digest (once a poll that began after it has read every
/// channel), and the recent messages before /resume, shared between members asking at once.
internal sealed partial class Poller
{
    /// A /resume refresh this recent (or still running) is reused rather than asking Discord again.
    public static readonly TimeSpan RecentRefreshReuse = TimeSpan.FromMinutes(3);

    private readonly Lock recentLock = new();
    private RecentRefresh? recent;

    /// Re-reads [from, to) in the channels that had messages then: edits and reactions are updated,
    /// messages deleted on Discord are deleted here. At most one request per 100 messages a channel.
    public async Task<RefreshSummary> RefreshAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (discord.Value is not { HasBotToken: true, GuildSnowflake: { } guildId })
        {
            return new RefreshSummary(0, 0, 0, 0, "polling is off");
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            return await RefreshHeldAsync(guildId, from, to, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// Before a digest: ready once a poll that began after <paramref name="to"/> has completed and no
    /// channel it could not read still lags behind <paramref name="to"/>; then the period is re-read,
    /// and a failed re-read waits too (a deleted message must not reach the mail).
    public async Task<DigestReadiness> PrepareDigestAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (discord.Value is not { HasBotToken: true, GuildSnowflake: { } guildId })
        {
            return DigestReadiness.Ready;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (ReadinessAt(to) is { IsReady: false } waiting)
            {
                return waiting;
            }

            var refresh = await RefreshHeldAsync(guildId, from, to, cancellationToken);
            return refresh.Error is { } error ? DigestReadiness.Waiting("the re-read of the day before building failed: " + error) : DigestReadiness.Ready;
        }
        finally
        {
            gate.Release();
        }
    }

    /// /resume's refresh: one at a time for everyone, and one that ran or is running within
    /// <see cref="RecentRefreshReuse"/> from the same start or earlier is awaited instead of repeated.
    public Task<RefreshSummary> RefreshRecentAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        lock (recentLock)
        {
            var now = time.GetUtcNow();
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
        if (status.TokenRejected)
        {
            return DigestReadiness.Waiting(TokenRejectedError());
        }

        if (cursors.LastPollStartedAt is not { } last || last < end)
        {
            var failure = status.Current.LastFailure is { } reason ? $" (last failure: {reason})" : "";
            return DigestReadiness.Waiting($"no poll that began after {end:u} has succeeded yet{failure}");
        }

        // 403/404 is a lasting state of a channel (shown to moderators), not a gap: only passing failures hold a day back.
        var all = channels.All();
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
        if (status.TokenRejected)
        {
            return new RefreshSummary(0, 0, 0, 0, TokenRejectedError());
        }

        var requestsBefore = rateLimits.RequestsSent;
        int read = 0, updated = 0, deleted = 0;
        try
        {
            var known = channels.All().ToDictionary(c => c.Id);
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
                        discovery.Save(discovery.MarkUnreadable(channel, ChannelDiscovery.Reason(exception), time.GetUtcNow()));
                    }
                }
            }

            Log.RefreshCompleted(logger, from, to, read, updated, deleted);
            return new RefreshSummary(read, updated, deleted, rateLimits.RequestsSent - requestsBefore);
        }
        catch (DiscordApiException exception) when (exception.Status == HttpStatusCode.Unauthorized)
        {
            RejectToken();
            return new RefreshSummary(read, updated, deleted, rateLimits.RequestsSent - requestsBefore, TokenRejectedError());
        }
        catch (Exception exception) when (IsPollFailure(exception, cancellationToken))
        {
            Log.RefreshFailed(logger, exception.Message);
            return new RefreshSummary(read, updated, deleted, rateLimits.RequestsSent - requestsBefore, exception.Message);
        }
    }

    private sealed record RecentRefresh(DateTimeOffset From, DateTimeOffset StartedAt, Task<RefreshSummary> Task);
}
