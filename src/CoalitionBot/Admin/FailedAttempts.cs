using System.Net;
using System.Threading.RateLimiting;

namespace CoalitionBot.Admin;

/// Limits wrong-token attempts per client address, so the token cannot be guessed by brute force.
/// Only failures spend a permit: a moderator with the right token is never slowed down.
internal sealed class FailedAttempts : IDisposable
{
    public const int PermitsPerWindow = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly PartitionedRateLimiter<IPAddress> limiter = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PermitsPerWindow,
            Window = Window,
            QueueLimit = 0,
        }));

    /// True while this address still has attempts left.
    public bool MayTry(HttpContext context) => limiter.GetStatistics(Address(context))?.CurrentAvailablePermits is not 0;

    public void Record(HttpContext context)
    {
        using var lease = limiter.AttemptAcquire(Address(context));
    }

    public void Dispose() => limiter.Dispose();

    private static IPAddress Address(HttpContext context) => context.Connection.RemoteIpAddress ?? IPAddress.None;
}
