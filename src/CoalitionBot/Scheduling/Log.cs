namespace CoalitionBot.Scheduling;

internal static partial class Log
{
    [LoggerMessage(EventId = 800, Level = LogLevel.Debug, Message = "Memory released after the {Job} job, which allocated {AllocatedMiB} MiB: the GC heap holds {HeapKiB} KiB, {CommittedKiB} KiB committed")]
    public static partial void MemoryReleased(ILogger logger, string job, long allocatedMiB, long heapKiB, long committedKiB);
}
