namespace CoalitionBot.Digest;

/// What a request to send a day's digest came to.
internal enum DigestOutcome
{
    Sent,
    AlreadySent,
    Empty,
    Failed,
    NotAddressed,
}
