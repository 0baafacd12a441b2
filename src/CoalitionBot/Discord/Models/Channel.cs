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
    public const int GuildMedia = 16;

    /// Channels whose messages (or posts) can go into a digest.
    public static bool IsDigestible(int type) => type is GuildText or GuildAnnouncement or GuildForum or GuildMedia;

    public static bool IsThread(int type) => type is AnnouncementThread or PublicThread or PrivateThread;
}

internal sealed record Channel(
    ulong Id,
    int Type,
    string? Name = null,
    int? Position = null,
    ulong? ParentId = null,
    ulong? GuildId = null,
    ulong? LastMessageId = null);
