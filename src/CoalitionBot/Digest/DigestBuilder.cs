using System.Globalization;
using CoalitionBot.Discord.Models;
using CoalitionBot.Markup;
using CoalitionBot.Storage;

namespace CoalitionBot.Digest;

/// Builds a day's digest from stored messages. Pure: no clock, no I/O, the same input gives the same digest.
internal static class DigestBuilder
{
    public const int TypeDefault = 0;
    public const int TypePin = 6;
    public const int TypeThreadCreated = 18;
    public const int TypeReply = 19;

    public static DailyDigest Build(DigestRequest request)
    {
        var candidates = Candidates(request);
        var messages = candidates.Where(c => c.Entry.Kind == DigestEntryKind.Message).ToList();
        var highlights = DigestHighlights.Rank(candidates, request);
        var layout = DigestBudget.Fit(candidates, highlights.Count, request);
        var busiest = messages
            .GroupBy(c => c.Parent.Id)
            .Select(g => new ChannelActivity(g.Key, g.First().Parent.Name, ChannelLink(request.GuildId, g.Key), g.Count()))
            .OrderByDescending(a => a.Messages)
            .ThenBy(a => a.ChannelId)
            .Take(3)
            .ToList();
        var figures = new DigestFigures(messages.Count, messages.Select(c => c.Message.AuthorId).Distinct().Count(), request.PreviousDayMessages, busiest);
        return new DailyDigest(request.Period, request.GuildId, figures, highlights, layout.Sections)
        {
            OtherChannels = layout.OtherChannels,
            OtherChannelsOmitted = layout.OtherChannelsOmitted,
            LeftOutChannels = layout.LeftOut,
        };
    }

    /// The number of messages a digest of this day would count, for the "change against the day before" figure.
    public static int CountMessages(DigestRequest request) =>
        Candidates(request).Count(c => c.Entry.Kind == DigestEntryKind.Message);

    public static string ChannelLink(ulong guildId, ulong channelId) =>
        string.Create(CultureInfo.InvariantCulture, $"https://discord.com/channels/{guildId}/{channelId}");

    public static string JumpLink(ulong guildId, ulong channelId, ulong messageId) =>
        string.Create(CultureInfo.InvariantCulture, $"https://discord.com/channels/{guildId}/{channelId}/{messageId}");

    internal static List<DigestCandidate> Candidates(DigestRequest request)
    {
        var channels = request.Channels.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First());
        var excluded = request.ChannelLists.Where(e => e.Excluded && e.ChannelId is not null).Select(e => e.ChannelId!.Value).ToHashSet();
        var important = request.ChannelLists.Where(e => e.Important && e.ChannelId is not null).Select(e => e.ChannelId!.Value).ToHashSet();
        // LiteDB reads an empty string back as null: a pin's empty content must not break the day.
        var byId = request.Messages.Select(Normalized).GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First());
        var known = new Dictionary<ulong, StoredMessage>(byId);
        foreach (var referenced in request.Referenced)
        {
            known.TryAdd(referenced.Id, Normalized(referenced));
        }

        var channelNames = channels.Values.ToDictionary(c => c.Id, c => c.Name);
        List<DigestCandidate> candidates = [];
        foreach (var message in byId.Values.OrderBy(m => m.Timestamp).ThenBy(m => m.Id))
        {
            if (message.Timestamp < request.Period.Start || message.Timestamp >= request.Period.End
                || KindOf(message, request.Settings) is not { } kind
                || !channels.TryGetValue(message.ChannelId, out var channel))
            {
                continue;
            }

            var thread = ChannelTypes.IsThread(channel.Type) ? channel : null;
            if (thread is not null && (thread.ParentId is not { } parentId || !channels.TryGetValue(parentId, out channel)))
            {
                continue;
            }

            var parent = channel!;
            var isImportant = important.Contains(parent.Id) || (thread is not null && important.Contains(thread.Id));
            var isExcluded = excluded.Contains(parent.Id) || (thread is not null && excluded.Contains(thread.Id));
            var isHidden = !parent.AudienceCanView || thread is { Type: ChannelTypes.PrivateThread } || thread is { AudienceCanView: false };
            if (isExcluded || (isHidden && !isImportant))
            {
                continue;
            }

            var entry = Entry(message, kind, request, known, channelNames);
            var size = DigestBudget.Estimate(entry, message, request.Settings);
            candidates.Add(new DigestCandidate(message, parent, thread, isImportant, entry, size));
        }

        return candidates;
    }

    private static StoredMessage Normalized(StoredMessage message) =>
        message.Content is null || message.AuthorName is null
            ? message with { Content = message.Content ?? "", AuthorName = message.AuthorName ?? "" }
            : message;

    private static DigestEntryKind? KindOf(StoredMessage message, DigestSettings settings)
    {
        if ((message.AuthorIsBot || message.WebhookId is not null) && !settings.IncludeBotMessages)
        {
            return null;
        }

        return message.Type switch
        {
            TypeDefault or TypeReply when message.Content.Length > 0 || message.Attachments.Count > 0 || message.Embeds.Count > 0 => DigestEntryKind.Message,
            TypePin => DigestEntryKind.Pin,
            TypeThreadCreated => DigestEntryKind.ThreadCreated,
            _ => null,
        };
    }

    private static DigestEntry Entry(
        StoredMessage message,
        DigestEntryKind kind,
        DigestRequest request,
        Dictionary<ulong, StoredMessage> byId,
        Dictionary<ulong, string> channelNames)
    {
        var truncated = message.Content.Length > request.Settings.MaxMessageLength;
        var content = kind == DigestEntryKind.Pin ? "" : truncated ? MarkupPlainText.Shorten(message.Content, request.Settings.MaxMessageLength) : message.Content;
        DigestReplyTo? replyTo = null;
        if (message.ReplyToMessageId is { } repliedId && kind == DigestEntryKind.Message)
        {
            var original = byId.GetValueOrDefault(repliedId);
            var repliedChannel = message.ReplyToChannelId ?? message.ChannelId;
            replyTo = new DigestReplyTo(
                original?.AuthorName,
                original is null ? null : MarkupParser.Parse(MarkupPlainText.Shorten(original.Content, 300), Names(original, channelNames)),
                JumpLink(request.GuildId, repliedChannel, repliedId));
        }

        return new DigestEntry(
            message.Id,
            message.ChannelId,
            kind,
            message.AuthorName.Length > 0 ? message.AuthorName : message.AuthorId.ToString(CultureInfo.InvariantCulture),
            request.Period.ToLocal(message.Timestamp),
            kind == DigestEntryKind.ThreadCreated ? new MarkupDocument([new MarkupText(content)]) : MarkupParser.Parse(content, Names(message, channelNames)),
            message.Attachments.Select(a => new DigestAttachment(a.FileName, a.ContentType, a.Size)).ToList(),
            JumpLink(request.GuildId, message.ChannelId, message.Id),
            replyTo,
            message.Reactions.Sum(r => r.Count),
            truncated);
    }

    private static MarkupNames Names(StoredMessage message, Dictionary<ulong, string> channelNames)
    {
        var channels = new Dictionary<ulong, string>(channelNames);
        foreach (var mention in message.MentionedChannels)
        {
            channels.TryAdd(mention.Id, mention.Name);
        }

        return new MarkupNames(
            message.MentionedUsers.GroupBy(u => u.Id).ToDictionary(g => g.Key, g => g.First().Name),
            message.MentionedRoles.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First().Name),
            channels);
    }
}
