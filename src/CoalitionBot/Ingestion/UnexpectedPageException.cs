namespace CoalitionBot.Ingestion;

/// A page of messages Discord answered that cannot be what we asked for: reading that channel
/// stops for this poll, and the channel is reported, rather than looping or storing nonsense.
internal sealed class UnexpectedPageException(string reason) : Exception(reason);
