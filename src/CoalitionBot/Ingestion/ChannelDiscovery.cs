using System.Net;
using CoalitionBot.Digest;
using CoalitionBot.Discord;
using CoalitionBot.Discord.Models;
using CoalitionBot.Storage;

namespace CoalitionBot.Ingestion;

/// Lists the server's channels and threads (2 requests), finds threads archived since the last
/// poll where there is a sign of them, keeps the channel store current, and says which channels
/// and threads may be read.
internal sealed class ChannelDiscovery(
    DiscordClient client, ChannelStore channels, ChannelListStore lists, CursorStore cursors, NameDirectory names, TimeProvider time, ILogger<ChannelDiscovery> logger)
{
    /// Permissions change: a channel Discord refused is tried again after this long.
    public static readonly TimeSpan UnreadableRetry = TimeSpan.FromHours(6);

    private const int ArchivedPageSize = 100;

    /// What the last poll found wrong with the audience, so it is said once when it changes.
    private string? audienceProblem;
    private static readonly TimeSpan ArchiveMargin = TimeSpan.FromMinutes(5);

    /// The channels and threads that carry messages, are not excluded, and are readable (or due a
    /// retry); and the names of those Discord refused to list threads of.
    public async Task<(IReadOnlyList<StoredChannel> Readable, IReadOnlyList<string> Refused)> DiscoverAsync(ulong guildId, DateTimeOffset backfillStart, CancellationToken cancellationToken)
    {
        var previous = channels.All().ToDictionary(c => c.Id);
        var guildChannels = await client.GetGuildChannelsAsync(guildId, cancellationToken);
        var active = await client.GetActiveThreadsAsync(guildId, cancellationToken);
        var current = guildChannels.Concat(active.Threads).DistinctBy(c => c.Id).ToDictionary(c => c.Id);
        var excluded = ExcludedIds();
        var now = time.GetUtcNow();
        var audience = await names.AudienceAsync(guildId, cancellationToken);
        if (names.ServerName is { } serverName && serverName != cursors.ServerName)
        {
            cursors.SetServerName(serverName);
        }

        var lastPoll = cursors.LastPollStartedAt;
        var since = (lastPoll ?? backfillStart) - ArchiveMargin;
        Dictionary<ulong, Channel> archived = [];
        Dictionary<ulong, string> refused = [];
        foreach (var parent in ParentsToScan(guildChannels, previous, current, firstPoll: lastPoll is null))
        {
            if (IsExcluded(parent.Id, id => current.GetValueOrDefault(id)?.ParentId, excluded)
                || previous.GetValueOrDefault(parent.Id) is { Unreadable: not null } old && old.UnreadableAt + UnreadableRetry > now)
            {
                continue;
            }

            try
            {
                foreach (var thread in await ArchivedSinceAsync(parent.Id, since, cancellationToken))
                {
                    archived.TryAdd(thread.Id, thread);
                }
            }
            catch (DiscordApiException exception) when (exception.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            {
                refused[parent.Id] = Reason(exception);
            }
        }

        var updated = new Dictionary<ulong, StoredChannel>(previous);
        foreach (var channel in current.Values)
        {
            updated[channel.Id] = ToStored(channel, audience, current, previous.GetValueOrDefault(channel.Id), archived: channel.ThreadMetadata?.Archived == true);
        }

        foreach (var thread in archived.Values.Where(t => !current.ContainsKey(t.Id)))
        {
            updated[thread.Id] = ToStored(thread, audience, current, previous.GetValueOrDefault(thread.Id), archived: true);
        }

        foreach (var old in previous.Values.Where(c => ChannelTypes.IsThread(c.Type) && !c.Archived && !current.ContainsKey(c.Id) && !archived.ContainsKey(c.Id)))
        {
            // Archived longer ago than we looked, or deleted: either way no longer active.
            updated[old.Id] = old with { Archived = true };
        }

        foreach (var (id, reason) in refused)
        {
            updated[id] = MarkUnreadable(updated[id], reason, now);
        }

        channels.Upsert(updated.Values);
        var problem = names.AudienceProblem()?.Invoke(Operations.HealthTexts.English);
        if (problem is not null && problem != audienceProblem)
        {
            Log.AudienceProblem(logger, problem);
        }

        audienceProblem = problem;
        lists.Reconcile(guildChannels.Where(c => !ChannelTypes.IsThread(c.Type) && !string.IsNullOrEmpty(c.Name)).Select(c => (c.Id, c.Name!)));

        // Readable now: what Discord listed, plus archived threads (their last messages may be unread).
        List<StoredChannel> readable =
        [
            .. updated.Values.Where(c =>
                CarriesMessages(c.Type)
                && (current.ContainsKey(c.Id) || (ChannelTypes.IsThread(c.Type) && c.Archived))
                && !IsExcluded(c.Id, id => updated.GetValueOrDefault(id)?.ParentId, excluded)
                && (c.Unreadable is null || c.UnreadableAt + UnreadableRetry <= now)),
        ];
        return (readable, [.. refused.Keys.Select(id => updated[id].Name)]);
    }

    /// Text, announcement, voice and stage channels (their text chat), and threads.
    public static bool CarriesMessages(int type) =>
        type is ChannelTypes.GuildText or ChannelTypes.GuildAnnouncement or ChannelTypes.GuildVoice or ChannelTypes.GuildStageVoice || ChannelTypes.IsThread(type);

    public HashSet<ulong> ExcludedIds() => [.. lists.Excluded().Where(e => e.ChannelId is not null).Select(e => e.ChannelId!.Value)];

    /// Excluded itself, or through its parent channel or category.
    public static bool IsExcluded(ulong id, Func<ulong, ulong?> parentOf, HashSet<ulong> excluded)
    {
        ulong? current = id;
        for (var depth = 0; depth < 3 && current is { } c; depth++)
        {
            if (excluded.Contains(c))
            {
                return true;
            }

            current = parentOf(c);
        }

        return false;
    }

    /// Records that Discord refused the channel; says so once, when it becomes unreadable.
    public StoredChannel MarkUnreadable(StoredChannel channel, string reason, DateTimeOffset now)
    {
        if (channel.Unreadable is null)
        {
            Log.ChannelUnreadable(logger, channel.Name, channel.Id, reason);
        }

        return channel with { Unreadable = reason, UnreadableAt = now };
    }

    public void Save(StoredChannel channel) => channels.Upsert([channel]);

    public IReadOnlyList<StoredChannel> Known() => channels.All();

    public static string Reason(DiscordApiException exception) =>
        $"{(int)exception.Status} {exception.Status}" + (exception.Code is { } code ? $" (code {code})" : "");

    /// Where threads may have been archived since the last poll without us seeing them: parents
    /// with new activity (a new forum post or thread moves the parent's last_message_id), parents of
    /// threads that left the active list, and on the first poll every parent that can hold threads.
    private static IEnumerable<Channel> ParentsToScan(
        IReadOnlyList<Channel> guildChannels, Dictionary<ulong, StoredChannel> previous, Dictionary<ulong, Channel> current, bool firstPoll)
    {
        var vanishedParents = previous.Values
            .Where(c => ChannelTypes.IsThread(c.Type) && !c.Archived && !current.ContainsKey(c.Id) && c.ParentId is not null)
            .Select(c => c.ParentId!.Value)
            .ToHashSet();
        return guildChannels.Where(c =>
            c.Type is ChannelTypes.GuildText or ChannelTypes.GuildAnnouncement or ChannelTypes.GuildForum or ChannelTypes.GuildMedia
            && (firstPoll || vanishedParents.Contains(c.Id) || previous.GetValueOrDefault(c.Id)?.LastMessageId != c.LastMessageId
                || !previous.ContainsKey(c.Id)));
    }

    private async Task<List<Channel>> ArchivedSinceAsync(ulong parentId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        List<Channel> found = [];
        DateTimeOffset? before = null;
        while (true)
        {
            var page = await client.GetPublicArchivedThreadsAsync(parentId, before, ArchivedPageSize, cancellationToken);
            found.AddRange(page.Threads.Where(t => ArchivedAt(t) >= since));
            if (!page.HasMore || page.Threads.Count == 0 || ArchivedAt(page.Threads[^1]) < since)
            {
                return found;
            }

            before = ArchivedAt(page.Threads[^1]);
        }
    }

    private static DateTimeOffset ArchivedAt(Channel thread) => thread.ThreadMetadata?.ArchiveTimestamp ?? DateTimeOffset.MinValue;

    private static StoredChannel ToStored(Channel channel, AudienceView audience, Dictionary<ulong, Channel> current, StoredChannel? old, bool archived) => new()
    {
        Id = channel.Id,
        Name = channel.Name ?? old?.Name ?? "",
        Type = channel.Type,
        Position = channel.Position ?? old?.Position ?? 0,
        ParentId = channel.ParentId,
        AudienceCanView = audience.CanView(channel, current),
        Overwrites = ChannelTypes.IsThread(channel.Type) ? null : (channel.PermissionOverwrites ?? []).Select(StoredOverwrite.From).ToList(),
        Archived = archived,
        LastMessageId = channel.LastMessageId,
        Unreadable = old?.Unreadable,
        UnreadableAt = old?.UnreadableAt,
        Incomplete = old?.Incomplete,
        CompleteUntil = old?.CompleteUntil,
    };
}
