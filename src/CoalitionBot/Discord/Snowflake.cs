namespace CoalitionBot.Discord;

/// Discord ids carry their creation time: milliseconds since 2015-01-01 in the top 42 bits.
internal static class Snowflake
{
    public const long DiscordEpochMilliseconds = 1420070400000;

    /// The smallest id created at that instant; as after= it includes every message from then on
    /// only when decremented, since after= is exclusive.
    public static ulong FromTime(DateTimeOffset time)
    {
        var milliseconds = time.ToUnixTimeMilliseconds() - DiscordEpochMilliseconds;
        return milliseconds <= 0 ? 0 : (ulong)milliseconds << 22;
    }

    public static DateTimeOffset ToTime(ulong id) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)(id >> 22) + DiscordEpochMilliseconds);
}
