namespace CoalitionBot.Ingestion;

/// What one poll did, for the admin trigger's answer, the health check and the log.
internal sealed record PollSummary(
    string Outcome,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    int ChannelsRead,
    int MessagesStored,
    long Requests,
    IReadOnlyList<string> Unreadable,
    string? Error = null,
    string? Warning = null)
{
    /// Channels this poll could not read for a passing reason (an answer that was not what we asked
    /// for); the next poll tries them again.
    public IReadOnlyList<string> Incomplete { get; init; } = [];
}
