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
}

/// Limits of a digest. The byte budget is for the whole mail, HTML and text parts together.
internal sealed record DigestSettings(
    int SizeBudget = 40_000,
    bool IncludeBotMessages = false,
    int MaxHighlights = 5,
    int MaxMessageLength = 1_200,
    int MaxMessagesPerChannel = 25)
{
    public static readonly DigestSettings Default = new();
}
