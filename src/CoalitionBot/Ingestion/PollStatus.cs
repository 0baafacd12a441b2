namespace CoalitionBot.Ingestion;

/// The last poll's outcome, kept in memory for /healthz and the admin API.
internal sealed class PollStatus
{
    private volatile Snapshot current = new(null, null, null, false, null);

    public Snapshot Current => current;

    public bool TokenRejected => current.TokenRejected;

    public void Completed(PollSummary summary) => current = current with { LastSuccess = summary, LastFailure = null, LastFailureAt = null };

    public void Failed(DateTimeOffset at, string reason) => current = current with { LastFailureAt = at, LastFailure = reason };

    /// Set when a poll finds members' messages all empty; cleared by one that finds content.
    public void SetContentWarning(string? warning) => current = current with { ContentWarning = warning };

    public void RejectToken(DateTimeOffset at) => current = current with { TokenRejected = true, LastFailureAt = at, LastFailure = "Discord rejected the bot token (401)" };

    internal sealed record Snapshot(PollSummary? LastSuccess, DateTimeOffset? LastFailureAt, string? LastFailure, bool TokenRejected, string? ContentWarning);
}
