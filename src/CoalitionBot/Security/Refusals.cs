using System.Globalization;
using System.Net;
using System.Text;

namespace CoalitionBot.Security;

/// Counts the requests refused before authentication and says so in at most one log line a minute
/// (DESIGN.md invariant 7): a sender cannot write into the log, or the admin page's log buffer,
/// faster than that. The first refusal after a quiet minute is said at once; the rest of the minute
/// is summed up when it ends. Each refusal is also logged at Debug, for an operator who asks.
internal sealed class Refusals(TimeProvider time, ILogger<Refusals> logger) : IHostedService, IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// How often pending counts are checked for a summary that is due.
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(15);

    private readonly long[] totals = new long[RefusalReasons.All.Length];
    private readonly long[] pending = new long[RefusalReasons.All.Length];
    private readonly DateTimeOffset since = time.GetUtcNow();
    private long lastSummaryTicks = DateTimeOffset.MinValue.UtcTicks;
    private long pendingSinceTicks;
    private ITimer? timer;

    /// Counts one refusal; cheap enough for every refused request (two increments and a clock read).
    public void Record(HttpContext context, RefusalReason reason)
    {
        Interlocked.Increment(ref totals[(int)reason]);
        Interlocked.Increment(ref pending[(int)reason]);
        var now = time.GetUtcNow().UtcTicks;
        Interlocked.CompareExchange(ref pendingSinceTicks, now, 0);
        Log.Refused(logger, reason, context.Request.Method, context.Request.Path.Value ?? "", context.Connection.RemoteIpAddress ?? IPAddress.None);
        SummarizeIfDue(now);
    }

    public RefusalCounts Counts()
    {
        var byReason = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        foreach (var reason in RefusalReasons.All)
        {
            var count = Interlocked.Read(ref totals[(int)reason]);
            total += count;
            if (count > 0)
            {
                byReason[RefusalReasons.Key(reason)] = count;
            }
        }

        return new RefusalCounts(since, total, byReason);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        timer = time.CreateTimer(_ => SummarizeIfDue(time.GetUtcNow().UtcTicks), null, Tick, Tick);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        timer?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => timer?.Dispose();

    private bool AnyPending()
    {
        for (var i = 0; i < pending.Length; i++)
        {
            if (Interlocked.Read(ref pending[i]) > 0)
            {
                return true;
            }
        }

        return false;
    }

    private void SummarizeIfDue(long now)
    {
        var last = Interlocked.Read(ref lastSummaryTicks);
        if (now - last < Window.Ticks || !AnyPending()
            || Interlocked.CompareExchange(ref lastSummaryTicks, now, last) != last)
        {
            return;
        }

        var from = Interlocked.Exchange(ref pendingSinceTicks, 0);
        var reasons = new StringBuilder();
        long count = 0;
        foreach (var reason in RefusalReasons.All)
        {
            var n = Interlocked.Exchange(ref pending[(int)reason], 0);
            if (n > 0)
            {
                count += n;
                reasons.Append(reasons.Length == 0 ? "" : ", ").Append(RefusalReasons.Words(reason)).Append(' ').Append(n.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (count > 0)
        {
            Log.RefusalSummary(logger, new DateTimeOffset(from == 0 ? now : Math.Min(from, now), TimeSpan.Zero), count, reasons.ToString());
        }
    }
}

/// Refusals since the start, for the admin status.
internal sealed record RefusalCounts(DateTimeOffset Since, long Total, IReadOnlyDictionary<string, long> ByReason);
