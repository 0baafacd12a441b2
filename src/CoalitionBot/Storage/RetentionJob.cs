using CoalitionBot.Scheduling;
using Microsoft.Extensions.Options;
using Quartz;

namespace CoalitionBot.Storage;

/// Daily: removes stored messages older than Storage:RetentionDays, and everything else that
/// quotes them (<see cref="IContentRetention"/>: the outbox's files) (invariant 6), once what is
/// made from them has been taken (<see cref="IBeforeRetention"/>: the daily aggregates).
[DisallowConcurrentExecution]
internal sealed class RetentionJob(
    MessageStore messages,
    IEnumerable<IContentRetention> quotes,
    IEnumerable<IBeforeRetention> takers,
    IOptions<StorageOptions> options,
    TimeProvider time,
    IdleMemoryRelease memory,
    ILogger<RetentionJob> logger) : IJob
{
    public static readonly JobKey Key = new("retention");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        Purge();
        memory.ReleaseAfter(Key.Name);
        return ValueTask.CompletedTask;
    }

    /// Returns how many messages were removed; each other content logs its own count.
    public int Purge()
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        foreach (var taker in takers)
        {
            taker.BeforePurge(cutoff);
        }

        var removed = messages.DeleteOlderThan(cutoff);
        Log.RetentionPurged(logger, removed, cutoff);
        foreach (var content in quotes)
        {
            content.ForgetBefore(cutoff);
        }

        return removed;
    }
}
