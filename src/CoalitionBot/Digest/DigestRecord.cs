using CoalitionBot.Digest.Rendering;

namespace CoalitionBot.Digest;

/// One local day's digest in the ledger (LiteDB collection "digests"), keyed by the day. Its state
/// changes only through the methods below, so the rules (retries, backoff, giving up) live here.
internal sealed class DigestRecord
{
    public const int MaxAttempts = 12;

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

    /// 5, 10, 20, 40 minutes, then every hour.
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, 5 * Math.Pow(2, Math.Max(0, attempts - 1))));

    public bool IsDone => State is DigestState.Sent or DigestState.Empty;

    /// Whether the checks for due digests should try it now: never tried, or pending past its backoff.
    public static bool IsDue(DigestRecord? record, DateTimeOffset now) => record switch
    {
        null => true,
        { State: DigestState.Pending } => record.NextAttemptAt is not { } next || next <= now,
        _ => false,
    };

    /// Its messages are not all read yet: it stays pending with what it waits for. Returns whether
    /// the reason is new (it is logged once per reason).
    public bool WaitFor(string reason, DateTimeOffset now)
    {
        var isNew = WaitingFor != reason;
        State = DigestState.Pending;
        WaitingFor = reason;
        WaitingSince ??= now;
        return isNew;
    }

    /// Built: what will be mailed (or, when it is empty, recorded instead).
    public void Built(int messages, string messageId, RenderedDigest content)
    {
        WaitingFor = null;
        WaitingSince = null;
        Messages = messages;
        MessageId = messageId;
        Subject = content.Subject;
        Html = content.Html;
        Text = content.Text;
    }

    public void NothingToSend() => State = DigestState.Empty;

    /// About to be mailed: a digest not yet sent is pending until the transport accepts it.
    public void Sending(DateTimeOffset now)
    {
        State = State == DigestState.Sent ? DigestState.Sent : DigestState.Pending;
        LastAttemptAt = now;
    }

    /// The transport refused it: retried after a backoff, given up after <see cref="MaxAttempts"/>;
    /// a resend of a digest already sent leaves it sent.
    public void SendFailed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error;
        if (State != DigestState.Sent)
        {
            State = Attempts >= MaxAttempts ? DigestState.Failed : DigestState.Pending;
            NextAttemptAt = now + Backoff(Attempts);
        }
    }

    public void Sent(DateTimeOffset now)
    {
        Attempts++;
        Resends += State == DigestState.Sent ? 1 : 0;
        State = DigestState.Sent;
        SentAt = now;
        LastError = null;
        NextAttemptAt = null;
    }
}
