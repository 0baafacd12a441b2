using CoalitionBot.Discord;
using CoalitionBot.Storage;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Digest;

/// What digests and reports are built from: the server's stored messages, channels and channel lists.
internal sealed class DigestSource(MessageStore messages, ChannelStore channels, ChannelListStore lists, IOptions<DiscordOptions> discord)
{
    public ulong GuildId => discord.Value.GuildSnowflake ?? 0;

    /// The period's messages, with the channels and lists as they are now.
    public DigestRequest Request(DigestPeriod period) =>
        new(period, GuildId, messages.InPeriod(period.Start, period.End), channels.All(), lists.All());

    public StoredMessage? Find(ulong id) => messages.Find(id);

    /// How many messages the period has stored, whatever their channel (the preview's list of days).
    public int CountMessages(DigestPeriod period) => messages.Count(period.Start, period.End);

    public IReadOnlyList<StoredChannel> Channels() => channels.All();
}
