namespace CoalitionBot.Ingestion;

internal static class PollOutcomes
{
    public const string Completed = "completed";
    public const string Off = "off";
    public const string Stopped = "stopped";
    public const string Failed = "failed";
}

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
    string? Warning = null);

/// What a refresh before a digest did.
internal sealed record RefreshSummary(int ChannelsRead, int MessagesUpdated, int MessagesDeleted, long Requests, string? Error = null);
