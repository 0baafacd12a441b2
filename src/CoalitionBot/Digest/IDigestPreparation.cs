namespace CoalitionBot.Digest;

/// What the digest asks of ingestion, which plugs in here: whether a period's messages are complete
/// and current before its digest is built, and a refresh of the recent messages for /resume. Without
/// polling nothing is waited for and the stored messages are used as they are.
internal interface IDigestPreparation
{
    /// Where the stored messages begin: days before it were never read (the bot was not there), so
    /// they have no digest. Null: no such limit.
    DateTimeOffset? CoveredSince { get; }

    /// Just before a digest is built: makes sure a poll that began after <paramref name="to"/> has read
    /// every channel, and re-reads the period (edits, reactions, deletions); or says what it waits for.
    Task<DigestReadiness> PrepareAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// Before /resume: the recent messages re-read, best effort; a refresh that ran or is running
    /// within the last few minutes is reused rather than asking Discord again.
    Task RefreshRecentAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
