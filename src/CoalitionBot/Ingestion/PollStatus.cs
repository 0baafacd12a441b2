namespace CoalitionBot.Ingestion;

/// The last poll's outcome, kept in memory for /healthz and the admin API, and whether Discord
/// rejects the bot token (with when to ask again).
internal sealed class PollStatus
{
    /// Discord has answered 401 during its own incidents: the token is tried again this long after
    /// the first refusal, then every <see cref="ProbeInterval"/>, one request each time.
    public static readonly TimeSpan FirstProbe = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan ProbeInterval = TimeSpan.FromHours(1);

    public const string TokenRejectedReason = "Discord rejected the bot token (401)";

    private volatile Snapshot current = new(null, null, null, false, null);

    public Snapshot Current => current;

    public bool TokenRejected => current.TokenRejected;

    /// Whether a poll may ask Discord now: always, unless the token was rejected and the next probe is not due.
    public bool MayAsk(DateTimeOffset now) => !current.TokenRejected || current.NextProbeAt <= now;

    /// A poll began asking Discord (the digest waits for one that began after its day ended).
    public void Attempted(DateTimeOffset at) => current = current with { LastAttemptAt = at };

    public void Completed(PollSummary summary) => current = current with
    {
        LastSuccess = summary,
        LastFailure = null,
        LastFailureAt = null,
        TokenRejected = false,
        TokenRejectedSince = null,
        NextProbeAt = null,
    };

    public void Failed(DateTimeOffset at, string reason) => current = current with { LastFailureAt = at, LastFailure = reason };

    /// Set when a poll finds members' messages all empty; cleared by one that finds content.
    public void SetContentWarning(string? warning) => current = current with { ContentWarning = warning };

    /// Returns true the first time (a new refusal), false when a probe found it still rejected.
    public bool RejectToken(DateTimeOffset at)
    {
        var first = !current.TokenRejected;
        current = current with
        {
            TokenRejected = true,
            TokenRejectedSince = first ? at : current.TokenRejectedSince,
            NextProbeAt = at + (first ? FirstProbe : ProbeInterval),
            LastFailureAt = at,
            LastFailure = TokenRejectedReason,
        };
        return first;
    }

    internal sealed record Snapshot(PollSummary? LastSuccess, DateTimeOffset? LastFailureAt, string? LastFailure, bool TokenRejected, string? ContentWarning)
    {
        public DateTimeOffset? TokenRejectedSince { get; init; }

        /// While the token is rejected: when a scheduled poll tries it again (an admin "poll now" does at once).
        public DateTimeOffset? NextProbeAt { get; init; }

        /// When the last poll that asked Discord began, successful or not.
        public DateTimeOffset? LastAttemptAt { get; init; }
    }
}
