namespace CoalitionBot.Digest;

/// The outcome, and the day's record as it now stands (none when nothing was recorded).
internal sealed record DigestSendResult(DigestOutcome Outcome, DigestRecord? Record);
