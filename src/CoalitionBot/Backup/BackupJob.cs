using CoalitionBot.Scheduling;
using Quartz;

namespace CoalitionBot.Backup;

/// Nightly at Backup:At (Digest:TimeZone): one snapshot of the database, then the expired ones go.
[DisallowConcurrentExecution]
internal sealed class BackupJob(SnapshotWriter writer, IdleMemoryRelease memory) : IJob
{
    public static readonly JobKey Key = new("backup");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        _ = writer.TakeSnapshot();
        memory.ReleaseAfter(Key.Name);
        return ValueTask.CompletedTask;
    }
}
