namespace CoalitionBot.Digest;

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
