namespace CoalitionBot.Digest;

/// One local day's digest in the ledger (LiteDB collection "digests"), keyed by the day.
internal sealed class DigestRecord
{
    /// The local day as yyyy-MM-dd, or week-yyyy-MM-dd (its first day) for a weekly synthesis.
    public string Id { get; set; } = "";

    public DigestState State { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// Set while the day cannot be built yet because its messages are not all read (Discord or the
    /// network down, the bot token rejected): what it waits for. It stays pending, never empty.
    public string? WaitingFor { get; set; }

    public DateTimeOffset? WaitingSince { get; set; }

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
