namespace CoalitionBot.Interactions;

/// How soon one member may ask again for a command that reads Discord or much of the database:
/// a member who repeats /resume gets a polite answer at once instead of a second refresh.
internal sealed class MemberCooldowns(TimeProvider time)
{
    /// For /resume and /report: their answer hardly changes within it.
    public static readonly TimeSpan Costly = TimeSpan.FromSeconds(30);

    /// Expired entries are dropped once there are this many, so a busy server keeps a small table.
    private const int PruneAbove = 256;

    private readonly Lock gate = new();
    private readonly Dictionary<(ulong Member, string Command), DateTimeOffset> until = [];

    /// Null when the member may go on (and the cooldown starts now); else how long is left.
    public TimeSpan? Enter(ulong member, string command, TimeSpan cooldown)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (until.TryGetValue((member, command), out var end) && end > now)
            {
                return end - now;
            }

            if (until.Count > PruneAbove)
            {
                foreach (var expired in until.Where(e => e.Value <= now).Select(e => e.Key).ToList())
                {
                    until.Remove(expired);
                }
            }

            until[(member, command)] = now + cooldown;
            return null;
        }
    }
}
