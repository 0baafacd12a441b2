using CoalitionBot.Storage;

namespace CoalitionBot.Digest;

/// Everything the builder reads: the day's stored messages and the server as ingestion last saw it.
internal sealed record DigestRequest(
    DigestPeriod Period,
    ulong GuildId,
    IReadOnlyList<StoredMessage> Messages,
    IReadOnlyList<StoredChannel> Channels,
    IReadOnlyList<ChannelListEntry> ChannelLists,
    int? PreviousDayMessages = null)
{
    public DigestSettings Settings { get; init; } = DigestSettings.Default;

    /// Earlier messages that the day's replies answer, so a reply can say whom it answers.
    public IReadOnlyList<StoredMessage> Referenced { get; init; } = [];
}
