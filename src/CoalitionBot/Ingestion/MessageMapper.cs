using System.Globalization;
using System.Text.RegularExpressions;
using CoalitionBot.Discord.Models;
using CoalitionBot.Storage;

namespace CoalitionBot.Ingestion;

/// Discord's message shape to ours: the names are resolved now, so the digest never asks Discord.
internal static partial class MessageMapper
{
    public const int ReplyType = 19;
    private const int HasThreadFlag = 1 << 5;

    public static StoredMessage Map(Message message, MessageNames names)
    {
        var content = message.Content ?? "";
        var flags = message.Flags ?? 0;
        var reply = message.Type == ReplyType && message.MessageReference is { Type: null or 0 } reference ? reference : null;
        return new StoredMessage
        {
            Id = message.Id,
            ChannelId = message.ChannelId,
            AuthorId = message.Author.Id,
            AuthorName = names.Author,
            AuthorIsBot = message.Author.Bot == true || message.WebhookId is not null,
            Content = content,
            Timestamp = message.Timestamp,
            EditedAt = message.EditedTimestamp,
            Type = message.Type,
            Flags = flags,
            WebhookId = message.WebhookId,
            Attachments = [.. (message.Attachments ?? []).Select(a => new StoredAttachment(a.Filename, a.Size, a.ContentType, a.Url))],
            Embeds = [.. (message.Embeds ?? []).Where(e => e.Title is not null || e.Url is not null).Select(e => new StoredEmbed(e.Title, e.Url))],
            MentionedUsers = [.. (message.Mentions ?? []).DistinctBy(u => u.Id).Select(u => new StoredMention(u.Id, names.User(u)))],
            MentionedRoles = [.. (message.MentionRoles ?? []).Distinct().Select(id => new StoredMention(id, names.Role(id)))],
            MentionedChannels = [.. MentionedChannelIds(content).Select(id => new StoredMention(id, names.Channel(id)))],
            ReplyToMessageId = reply?.MessageId,
            ReplyToChannelId = reply is null ? null : reply.ChannelId ?? message.ChannelId,
            Reactions = [.. (message.Reactions ?? []).Select(r => new StoredReaction(r.Emoji.Name ?? "", r.Emoji.Id, r.Count))],
            ThreadId = message.Thread?.Id ?? ((flags & HasThreadFlag) != 0 ? message.Id : null),
        };
    }

    /// Server nickname, else global name, else username; a webhook's messages keep the name they were sent with.
    public static string DisplayName(User user, string? nickname, bool webhook) =>
        webhook ? user.Username
        : !string.IsNullOrWhiteSpace(nickname) ? nickname
        : !string.IsNullOrWhiteSpace(user.GlobalName) ? user.GlobalName
        : user.Username;

    public static IEnumerable<ulong> MentionedChannelIds(string content) =>
        ChannelMention().Matches(content)
            .Select(m => ulong.TryParse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id != 0)
            .Distinct();

    [GeneratedRegex(@"<#(\d{1,20})>")]
    private static partial Regex ChannelMention();
}
