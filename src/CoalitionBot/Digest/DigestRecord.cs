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

/// One local day's digest in the ledger (LiteDB collection "digests"), keyed by the day.
internal sealed class DigestRecord
{
    /// The local day as yyyy-MM-dd.
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

    [LiteDB.BsonIgnore]
    public DateOnly Day => DateOnly.ParseExact(Id, DigestLedger.DayFormat, System.Globalization.CultureInfo.InvariantCulture);
}
