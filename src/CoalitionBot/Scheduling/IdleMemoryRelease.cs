namespace CoalitionBot.Scheduling;

/// After a job that allocated enough, one compacting collection hands the memory back to the
/// system before the bot waits again (docs/performance.md, "Build settings"). Each job calls it as
/// it ends: a Quartz listener is found by reflection, which a native build does not always keep.
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
