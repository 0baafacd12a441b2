namespace CoalitionBot.Discord.RateLimits;

/// One rate-limit bucket as Discord last described it. Requests through a bucket are serialised by
/// <see cref="Gate"/>, so its state is only read and written by the request holding the gate.
internal sealed class RateLimitBucket
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public int? Remaining { get; private set; }

    public DateTimeOffset ResetAt { get; private set; }

    /// How long a request must wait before this bucket lets it through.
    public TimeSpan WaitTime(DateTimeOffset now) => Remaining is 0 && ResetAt > now ? ResetAt - now : TimeSpan.Zero;

    public void Update(int remaining, DateTimeOffset resetAt)
    {
        Remaining = remaining;
        ResetAt = resetAt;
    }

    /// After a 429 on this route: nothing until the given time.
    public void Block(DateTimeOffset until) => Update(0, until);

    /// The reset time has passed: the bucket is full again, by how much we learn from the next answer.
    public void Refill() => Remaining = null;
}
