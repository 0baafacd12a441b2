namespace CoalitionBot.Digest;

/// The outcome, and the day's record as it now stands (none when nothing was recorded); while it
/// waits, what for.
internal sealed record DigestSendResult(DigestOutcome Outcome, DigestRecord? Record, string? WaitingFor = null);
