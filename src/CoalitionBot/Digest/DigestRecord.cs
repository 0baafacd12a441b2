namespace CoalitionBot.Digest;

/// One local day's digest in the ledger (LiteDB collection "digests"), keyed by the day.
internal sealed class DigestRecord
{
    /// The local day as yyyy-MM-dd, or week-yyyy-MM-dd (its first day) for a weekly synthesis.
    public string Id { get; set; } = "";

    public DigestState State { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Resends { get; set; }

    public string MessageId { get; set; } = "";

    public string Subject { get; set; } = "";

    public int Messages { get; set; }

    public string Html { get; set; } = "";

    public string Text { get; set; } = "";
}
