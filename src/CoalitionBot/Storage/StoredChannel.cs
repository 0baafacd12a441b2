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

    /// False when the digest's audience (Digest:AudienceRole, @everyone by default) cannot see the
    /// channel: its messages are mailed only if it is important. Stored under its first name, when
    /// the audience was always @everyone, so a database from then reads the same.
    [LiteDB.BsonField("EveryoneCanView")]
    public bool AudienceCanView { get; init; } = true;

    /// The channel's permission overwrites as Discord last listed them, so the audience's view can be
    /// worked out again when a moderator changes the audience; null for threads (they follow their
    /// parent) and for channels stored before they were kept.
    public IReadOnlyList<StoredOverwrite>? Overwrites { get; init; }

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

    /// As Discord would list it (threads without overwrites).
    public Discord.Models.Channel ToChannel() =>
        new(Id, Type, Name, Position, ParentId, PermissionOverwrites: Overwrites?.Select(o => o.ToOverwrite()).ToList());
}

/// One permission overwrite of a channel: a role's (type 0) or a member's (type 1) allowed and denied bits.
internal sealed record StoredOverwrite(ulong Id, int Type, ulong Allow, ulong Deny)
{
    public StoredOverwrite()
        : this(0, 0, 0, 0)
    {
    }

    public static StoredOverwrite From(Discord.Models.PermissionOverwrite overwrite) =>
        new(overwrite.Id, overwrite.Type, Discord.Permissions.Parse(overwrite.Allow), Discord.Permissions.Parse(overwrite.Deny));

    public Discord.Models.PermissionOverwrite ToOverwrite() =>
        new(Id, Type, Allow.ToString(System.Globalization.CultureInfo.InvariantCulture), Deny.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
