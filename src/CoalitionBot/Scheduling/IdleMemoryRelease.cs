namespace CoalitionBot.Scheduling;

/// <summary>
/// After a scheduled job (a poll, a digest, the retention sweep) the bot goes back to waiting for
/// the next one, often for minutes. What the job allocated is garbage by then, but the GC keeps the
/// memory it grew into until it needs it again: about 15 MiB after a poll that stored a few hundred
/// messages (docs/performance.md, issue 7). On a Raspberry Pi shared with other services, that memory
/// is worth more than the few milliseconds of one full, compacting collection that hands it back.
/// </summary>
/// <remarks>
/// Only when the job allocated at least <see cref="Threshold"/> since the last release: a quiet poll
/// or a digest retry that finds nothing to do costs nothing. Each job calls it as it ends (not a
/// Quartz job listener: Quartz checks a listener's shape by reflection, which a native build does not
/// always keep).
/// </remarks>
internal sealed class IdleMemoryRelease(ILogger<IdleMemoryRelease> logger)
{
    /// Allocations since the last release below which a job is left alone.
    public const long Threshold = 1 << 20;

    private readonly Lock gate = new();
    private long allocatedAtLastRelease;

    /// Bytes allocated by the process so far; the GC's own count unless a test sets it.
    internal Func<long> AllocatedBytes { get; init; } = () => GC.GetTotalAllocatedBytes();

    /// Frees what the GC holds beyond the live objects: a blocking, compacting collection of every
    /// generation that also returns the freed regions to the operating system.
    internal Action Collect { get; init; } = () => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// Releases memory if the work since the last release allocated enough to matter; true if it did.
    public bool ReleaseAfter(string job)
    {
        lock (gate)
        {
            var allocated = AllocatedBytes() - allocatedAtLastRelease;
            if (allocated < Threshold)
            {
                return false;
            }

            Collect();
            allocatedAtLastRelease = AllocatedBytes();
            var heap = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            Log.MemoryReleased(logger, job, allocated / (1 << 20), heap.HeapSizeBytes / 1024, heap.TotalCommittedBytes / 1024);
            return true;
        }
    }
}
