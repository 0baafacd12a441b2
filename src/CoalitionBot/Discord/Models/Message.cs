namespace CoalitionBot.Discord.Models;

/// A message as REST returns it (GET /channels/{id}/messages); only the fields we keep.
internal sealed record Message(
    ulong Id,
    ulong ChannelId,
    User Author,
    string? Content,
    DateTimeOffset Timestamp,
    DateTimeOffset? EditedTimestamp = null,
    int Type = 0,
    int? Flags = null,
    IReadOnlyList<Attachment>? Attachments = null,
    IReadOnlyList<MessageEmbed>? Embeds = null,
    IReadOnlyList<User>? Mentions = null,
    IReadOnlyList<ulong>? MentionRoles = null,
    MessageReference? MessageReference = null,
    IReadOnlyList<Reaction>? Reactions = null,
    Channel? Thread = null,
    ulong? WebhookId = null);

internal sealed record Attachment(ulong Id, string Filename, long Size, string Url, string? ContentType = null);

internal sealed record MessageEmbed(string? Type = null, string? Title = null, string? Url = null);

internal sealed record MessageReference(int? Type = null, ulong? MessageId = null, ulong? ChannelId = null, ulong? GuildId = null);

internal sealed record Reaction(int Count, Emoji Emoji);

/// A unicode emoji has no id; a custom one has an id and a name (null when the emoji was deleted).
internal sealed record Emoji(ulong? Id = null, string? Name = null);
