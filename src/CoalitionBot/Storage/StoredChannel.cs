namespace CoalitionBot.Storage;

/// A channel, category, thread or forum post of the server, kept current by ingestion.
internal sealed record StoredChannel
{
    public ulong Id { get; init; }

    public string Name { get; init; } = "";

    /// Discord's channel type (0 text, 4 category, 5 announcement, 11 public thread, 15 forum, ...).
    public int Type { get; init; }

    public int Position { get; init; }

    /// For a channel its category; for a thread or forum post the channel it lives in.
    public ulong? ParentId { get; init; }

    /// False when @everyone cannot see the channel: its messages are mailed only if it is important.
    public bool EveryoneCanView { get; init; } = true;

    public bool Archived { get; init; }

    public ulong? LastMessageId { get; init; }

    /// Set when Discord refused to let us read it (403/404); the reason is shown to moderators.
    public string? Unreadable { get; init; }

    /// When Discord last refused it; ingestion tries again some hours later (permissions change).
    public DateTimeOffset? UnreadableAt { get; init; }

    /// Set when the last poll could not read it for a passing reason (a page that was not the JSON we
    /// expect, say): the next poll tries again. Until then, days after <see cref="CompleteUntil"/> wait.
    public string? Incomplete { get; init; }

    /// While <see cref="Incomplete"/>: every message before this instant is stored.
    public DateTimeOffset? CompleteUntil { get; init; }
}
