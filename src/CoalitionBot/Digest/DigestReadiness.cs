namespace CoalitionBot.Digest;

/// Whether a period's messages are all stored and current, so its digest may be built; if not,
/// what it waits for (a poll that began after the period ended, a channel to read, the bot token).
internal sealed record DigestReadiness(string? WaitingFor)
{
    public static DigestReadiness Ready { get; } = new((string?)null);

    public bool IsReady => WaitingFor is null;

    public static DigestReadiness Waiting(string reason) => new(reason);
}
