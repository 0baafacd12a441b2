using System.Collections.Concurrent;

namespace CoalitionBot.Discord.RateLimits;

/// Rate-limit state shared by every Discord request of the process: learned buckets, the global
/// 50 requests/s limit, a global pause after a global 429, and the invalid-request budget.
/// A singleton, because the factory recycles message handlers and the state must outlive them.
internal sealed class RateLimitRegistry(TimeProvider time, int invalidRequestBudget = RateLimitRegistry.DefaultInvalidRequestBudget) : IDisposable
{
    /// Well below Discord's 10,000 per 10 minutes, which earns a temporary ban.
    public const int DefaultInvalidRequestBudget = 1000;

    public const int GlobalRequestsPerSecond = 50;

    public static readonly TimeSpan InvalidRequestWindow = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan GlobalWindow = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, string> bucketIds = new();
    private readonly ConcurrentDictionary<string, RateLimitBucket> buckets = new();
    private readonly SemaphoreSlim globalGate = new(1, 1);
    private readonly Queue<DateTimeOffset> recentSends = new();
    private readonly Queue<DateTimeOffset> invalidAnswers = new();
    private DateTimeOffset globalPauseUntil;
    private long requestsSent;

    public TimeProvider Time => time;

    /// Requests sent to Discord so far (retries included), for poll summaries.
    public long RequestsSent => Interlocked.Read(ref requestsSent);

    public RateLimitBucket BucketFor(RouteKey route) =>
        buckets.GetOrAdd(BucketKey(bucketIds.TryGetValue(route.Route, out var id) ? id : route.Route, route), _ => new RateLimitBucket());

    /// Records the X-RateLimit-Bucket id Discord gave a route, so routes sharing it share one bucket.
    public void LearnBucketId(RouteKey route, string bucketId, RateLimitBucket bucket)
    {
        if (bucketIds.TryAdd(route.Route, bucketId))
        {
            buckets.TryAdd(BucketKey(bucketId, route), bucket);
        }
    }

    public void CountSend() => Interlocked.Increment(ref requestsSent);

    public void PauseGlobally(DateTimeOffset until)
    {
        lock (recentSends)
        {
            if (until > globalPauseUntil)
            {
                globalPauseUntil = until;
            }
        }
    }

    /// How long the global pause after a global 429 still lasts.
    public TimeSpan GlobalPauseLeft()
    {
        lock (recentSends)
        {
            var now = time.GetUtcNow();
            return globalPauseUntil > now ? globalPauseUntil - now : TimeSpan.Zero;
        }
    }

    /// Waits for a slot under the global limit (and the end of any global pause), then takes it.
    public async Task WaitForGlobalSlotAsync(CancellationToken cancellationToken)
    {
        await globalGate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (recentSends)
                {
                    var now = time.GetUtcNow();
                    while (recentSends.Count > 0 && now - recentSends.Peek() >= GlobalWindow)
                    {
                        recentSends.Dequeue();
                    }

                    if (globalPauseUntil > now)
                    {
                        wait = globalPauseUntil - now;
                    }
                    else if (recentSends.Count < GlobalRequestsPerSecond)
                    {
                        recentSends.Enqueue(now);
                        return;
                    }
                    else
                    {
                        wait = recentSends.Peek() + GlobalWindow - now;
                    }
                }

                await Task.Delay(wait, time, cancellationToken);
            }
        }
        finally
        {
            globalGate.Release();
        }
    }

    public void RecordInvalidAnswer()
    {
        lock (invalidAnswers)
        {
            invalidAnswers.Enqueue(time.GetUtcNow());
        }
    }

    /// The number of invalid answers in the window, when it has reached the budget; else null.
    public int? InvalidBudgetSpent()
    {
        lock (invalidAnswers)
        {
            var now = time.GetUtcNow();
            while (invalidAnswers.Count > 0 && now - invalidAnswers.Peek() >= InvalidRequestWindow)
            {
                invalidAnswers.Dequeue();
            }

            return invalidAnswers.Count >= invalidRequestBudget ? invalidAnswers.Count : null;
        }
    }

    public void Dispose() => globalGate.Dispose();

    private static string BucketKey(string bucketId, RouteKey route) => bucketId + " " + route.MajorParameter;
}
