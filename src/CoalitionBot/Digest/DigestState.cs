namespace CoalitionBot.Digest;

internal enum DigestState
{
    /// Not yet mailed: an attempt failed or was interrupted, or its messages are not all read yet
    /// (<see cref="DigestRecord.WaitingFor"/>); it will be retried.
    Pending,
    Sent,
    /// Nothing to mail that day; recorded so the day is not tried again.
    Empty,
    /// Gave up after too many attempts; an admin resend can still mail it.
    Failed,
}
