namespace CoalitionBot.Discord.Models;

internal static class ChannelTypes
{
    public const int GuildText = 0;
    public const int GuildVoice = 2;
    public const int GuildCategory = 4;
    public const int GuildAnnouncement = 5;
    public const int AnnouncementThread = 10;
    public const int PublicThread = 11;
    public const int PrivateThread = 12;
    public const int GuildForum = 15;
    public const int GuildStageVoice = 13;
    public const int GuildMedia = 16;

    /// Channels whose messages (or posts) can go into a digest; voice and stage channels have a text chat.
    public static bool IsDigestible(int type) => type is GuildText or GuildAnnouncement or GuildVoice or GuildStageVoice or GuildForum or GuildMedia;

    public static bool IsThread(int type) => type is AnnouncementThread or PublicThread or PrivateThread;
}

internal sealed record Channel(
    ulong Id,
    int Type,
    string? Name = null,
    int? Position = null,
    ulong? ParentId = null,
    ulong? GuildId = null,
    ulong? LastMessageId = null,
    IReadOnlyList<PermissionOverwrite>? PermissionOverwrites = null,
    ThreadMetadata? ThreadMetadata = null,
    ulong? OwnerId = null);

/// An allow/deny pair for a role (type 0) or a member (type 1); the @everyone role's id is the guild's id.
internal sealed record PermissionOverwrite(ulong Id, int Type, string? Allow = null, string? Deny = null);

internal sealed record ThreadMetadata(
    bool Archived,
    DateTimeOffset? ArchiveTimestamp = null,
    int? AutoArchiveDuration = null,
    bool? Locked = null,
    DateTimeOffset? CreateTimestamp = null);

/// The answer of the active-threads and archived-threads routes.
internal sealed record ThreadList(IReadOnlyList<Channel> Threads, bool HasMore = false);
