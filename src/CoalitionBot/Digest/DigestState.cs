namespace CoalitionBot.Digest;

internal enum DigestState
{
    /// Built and not yet mailed: an attempt failed or was interrupted; it will be retried.
    Pending,
    Sent,
    /// Nothing to mail that day; recorded so the day is not tried again.
    Empty,
    /// Gave up after too many attempts; an admin resend can still mail it.
    Failed,
}
