namespace CoalitionBot.Digest;

/// A digest record without its contents, as the admin API lists it.
internal sealed record DigestSummary(
    string Date,
    string State,
    int Attempts,
    string? LastError,
    DateTimeOffset? SentAt,
    DateTimeOffset? NextAttemptAt,
    int Resends,
    int Messages,
    string MessageId,
    string Subject,
    string? Outcome = null,
    string? WaitingFor = null)
{
    public static DigestSummary From(DigestRecord record) =>
        new(record.Id, record.State.ToString(), record.Attempts, record.LastError, record.SentAt, record.NextAttemptAt, record.Resends, record.Messages, record.MessageId, record.Subject, WaitingFor: record.WaitingFor);
}
