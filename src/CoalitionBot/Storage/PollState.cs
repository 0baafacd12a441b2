namespace CoalitionBot.Storage;

/// What ingestion remembers between polls beyond the cursors.
internal sealed record PollState
{
    public const int SingletonId = 1;

    public int Id { get; init; }

    /// Threads archived after this are looked for in their parent's archived list.
    public DateTimeOffset? LastPollStartedAt { get; init; }

    /// Where the first complete poll started reading: days before it were never read, so never digested.
    public DateTimeOffset? CoveredSince { get; init; }

    /// The server's name on Discord, as the last poll read it (digests use it unless Digest:ServerName is set).
    public string? ServerName { get; init; }
}
