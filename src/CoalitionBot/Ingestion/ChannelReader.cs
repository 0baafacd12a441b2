using CoalitionBot.Discord;
using CoalitionBot.Discord.Models;
using CoalitionBot.Storage;

namespace CoalitionBot.Ingestion;

/// Reads one channel or thread, a page of 100 at a time, in id order.
internal sealed class ChannelReader(DiscordClient client, MessageStore messages, CursorStore cursors, ChannelStore channels, NameDirectory names)
{
    private const int PageSize = DiscordClient.MaxMessagesPerPage;

    /// Everything after <paramref name="after"/>. Each page is stored before the cursor moves past it
    /// (invariant 1); storing is an upsert by id (invariant 2).
    public async Task<ReadResult> ReadNewAsync(ulong guildId, ulong channelId, ulong after, CancellationToken cancellationToken)
    {
        var result = new ReadResult(0, 0, 0);
        while (true)
        {
            var page = await client.GetChannelMessagesAsync(channelId, after, null, PageSize, cancellationToken);
            if (page.Count == 0)
            {
                return result;
            }

            // Discord lists a page newest first, even with after=.
            var mapped = await MapAsync(guildId, NewerThan(page, after), cancellationToken);
            messages.Upsert(mapped);
            after = mapped[^1].Id;
            cursors.Advance(channelId, after);
            var written = mapped.Where(IsWrittenByAMember).ToList();
            result = new ReadResult(result.Stored + mapped.Count, result.MemberMessages + written.Count, result.MemberMessagesWithContent + written.Count(HasContent));
            if (page.Count < PageSize)
            {
                return result;
            }
        }
    }

    /// The messages Discord has now for [from, to), for the refresh before a digest.
    public async Task<IReadOnlyList<StoredMessage>> ReadPeriodAsync(ulong guildId, ulong channelId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var end = Snowflake.FromTime(to);
        var start = Snowflake.FromTime(from);
        var after = start > 0 ? start - 1 : 0;
        List<StoredMessage> result = [];
        while (true)
        {
            var page = await client.GetChannelMessagesAsync(channelId, after, null, PageSize, cancellationToken);
            if (page.Count == 0)
            {
                return result;
            }

            var ordered = NewerThan(page, after);
            result.AddRange(await MapAsync(guildId, [.. ordered.Where(m => m.Id < end)], cancellationToken));
            after = ordered[^1].Id;
            if (page.Count < PageSize || after >= end)
            {
                return result;
            }
        }
    }

    /// The page's messages past <paramref name="after"/>, oldest first. A page that does not move past
    /// it would be asked for again and again: reading stops there and the channel is reported.
    private static List<Message> NewerThan(IReadOnlyList<Message> page, ulong after)
    {
        if (page.Any(m => m is null))
        {
            throw new UnexpectedPageException("Discord answered a page of messages with an empty entry");
        }

        var newer = page.Where(m => m.Id > after).OrderBy(m => m.Id).ToList();
        if (newer.Count == 0)
        {
            throw new UnexpectedPageException($"Discord answered a page of messages none of which is after message {after}");
        }

        return newer;
    }

    private static bool IsWrittenByAMember(StoredMessage message) => !message.AuthorIsBot && message.Type is 0 or MessageMapper.ReplyType;

    /// Without the Message Content intent, Discord sends members' messages with all of this empty.
    private static bool HasContent(StoredMessage message) => message.Content.Length > 0 || message.Attachments.Count > 0 || message.Embeds.Count > 0;

    private async Task<List<StoredMessage>> MapAsync(ulong guildId, IReadOnlyList<Message> page, CancellationToken cancellationToken)
    {
        var nicknames = new Dictionary<ulong, string?>();
        var people = page.Where(m => m.WebhookId is null).Select(m => m.Author).Concat(page.SelectMany(m => m.Mentions ?? []));
        foreach (var user in people.DistinctBy(u => u.Id))
        {
            nicknames[user.Id] = await names.NicknameAsync(guildId, user.Id, cancellationToken);
        }

        IReadOnlyDictionary<ulong, string> roles = page.Any(m => m.MentionRoles is { Count: > 0 })
            ? await names.RoleNamesAsync(guildId, cancellationToken)
            : new Dictionary<ulong, string>();
        return
        [
            .. page.Select(m => MessageMapper.Map(m, new MessageNames(
                MessageMapper.DisplayName(m.Author, nicknames.GetValueOrDefault(m.Author.Id), m.WebhookId is not null),
                nicknames,
                roles,
                id => channels.Find(id)?.Name))),
        ];
    }
}
