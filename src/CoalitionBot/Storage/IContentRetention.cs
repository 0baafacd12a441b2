namespace CoalitionBot.Storage;

/// Something besides the stored messages that quotes them, and so is kept only
/// Storage:RetentionDays (invariant 6): the daily retention job clears each one with the messages.
internal interface IContentRetention
{
    /// Removes what is older than <paramref name="cutoff"/>; returns how much went.
    int ForgetBefore(DateTimeOffset cutoff);
}
