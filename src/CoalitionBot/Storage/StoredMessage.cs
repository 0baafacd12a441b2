namespace CoalitionBot.Storage;

/// A Discord message as kept in LiteDB: enough to render a digest without asking Discord again.
/// Filled by ingestion; read by the digest builder.
internal sealed record StoredMessage
{
    /// The message's snowflake (LiteDB _id).
    public ulong Id { get; init; }

    /// The channel or thread the message was posted in.
    public ulong ChannelId { get; init; }

    public ulong AuthorId { get; init; }

    /// Server nickname, else global name, else username, as it was when stored.
    public string AuthorName { get; init; } = "";

    public bool AuthorIsBot { get; init; }

    public string Content { get; init; } = "";

    public DateTimeOffset Timestamp { get; init; }

    public DateTimeOffset? EditedAt { get; init; }

    /// Discord's message type (0 default, 19 reply, 6 pin, 18 thread created, ...).
    public int Type { get; init; }

    public int Flags { get; init; }

    public ulong? WebhookId { get; init; }

    public IReadOnlyList<StoredAttachment> Attachments { get; init; } = [];

    public IReadOnlyList<StoredEmbed> Embeds { get; init; } = [];

    public IReadOnlyList<StoredMention> MentionedUsers { get; init; } = [];

    public IReadOnlyList<StoredMention> MentionedRoles { get; init; } = [];

    public IReadOnlyList<StoredMention> MentionedChannels { get; init; } = [];

    /// The message this one answers (message_reference of a reply), if any.
    public ulong? ReplyToMessageId { get; init; }

    public ulong? ReplyToChannelId { get; init; }

    public IReadOnlyList<StoredReaction> Reactions { get; init; } = [];

    /// The thread started from this message, if any (same id as the message on Discord).
    public ulong? ThreadId { get; init; }
}

internal sealed record StoredAttachment(string FileName, long Size, string? ContentType, string Url)
{
    public StoredAttachment()
        : this("", 0, null, "")
    {
    }
}

internal sealed record StoredEmbed(string? Title, string? Url)
{
    public StoredEmbed()
        : this(null, null)
    {
    }
}

internal sealed record StoredMention(ulong Id, string Name)
{
    public StoredMention()
        : this(0, "")
    {
    }
}

/// A reaction: unicode emoji have no id; custom ones have an id and a name.
internal sealed record StoredReaction(string Emoji, ulong? EmojiId, int Count)
{
    public StoredReaction()
        : this("", null, 0)
    {
    }
}
