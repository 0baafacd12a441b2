using CoalitionBot.Discord;

namespace CoalitionBot.Tests.Support;

public sealed record FakeUser(ulong Id, string Username, string? GlobalName = null, string? Nick = null, bool Bot = false);

public sealed record FakeOverwrite(ulong Id, ulong Allow, ulong Deny);

public sealed record FakeAttachment(ulong Id, string FileName, long Size, string ContentType);

public sealed record FakeEmbed(string? Title, string? Url);

public sealed record FakeReaction(string Emoji, int Count);

public sealed record FakeMessage(ulong Id, ulong ChannelId, FakeUser Author, string Content, DateTimeOffset Timestamp)
{
    public int Type { get; init; }

    public int Flags { get; init; }

    public DateTimeOffset? EditedAt { get; init; }

    public IReadOnlyList<FakeUser> Mentions { get; init; } = [];

    public IReadOnlyList<ulong> MentionRoles { get; init; } = [];

    public IReadOnlyList<FakeAttachment> Attachments { get; init; } = [];

    public IReadOnlyList<FakeEmbed> Embeds { get; init; } = [];

    public IReadOnlyList<FakeReaction> Reactions { get; init; } = [];

    public ulong? ReplyTo { get; init; }

    public ulong? WebhookId { get; init; }
}

/// A channel, category, forum or thread of the fake server, with its messages.
public sealed class FakeChannel(ulong id, int type, string name, ulong? parentId, int position)
{
    public ulong Id { get; } = id;

    public int Type { get; } = type;

    public string Name { get; } = name;

    public ulong? ParentId { get; } = parentId;

    public int Position { get; } = position;

    public List<FakeOverwrite> Overwrites { get; } = [];

    public SortedDictionary<ulong, FakeMessage> Messages { get; } = [];

    /// A forum's last_message_id is its last post's id; anything else's, its last message's.
    public ulong? LastMessageIdOverride { get; set; }

    public ulong? LastMessageId => LastMessageIdOverride ?? (Messages.Count > 0 ? Messages.Keys.Max() : null);

    public ulong OwnerId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ArchivedAt { get; set; }

    /// Discord answers 403 Missing Access for its messages.
    public bool Forbidden { get; set; }

    /// Deleted on Discord: gone from the lists, 404 Unknown Channel for its messages.
    public bool Deleted { get; set; }

    /// No mapping is registered for it: any request to it is an unmatched request and fails the test.
    public bool NeverRequested { get; set; }

    /// When set, answers its message pages instead of the messages it holds (a broken answer, say).
    public Func<WireMock.IRequestMessage, WireMock.ResponseMessage>? MessagesAnswer { get; set; }

    public bool IsThread => Type is 10 or 11 or 12;
}

/// Ids that are real snowflakes: their timestamp part is the message's time.
internal sealed class SnowflakeSource
{
    private ulong increment;

    public ulong At(DateTimeOffset time) => Snowflake.FromTime(time) + (++increment % 4096);
}
