using CoalitionBot.Scheduling;
using Quartz;

namespace CoalitionBot.Ingestion;

/// Every Ingestion:PollInterval: one poll. Never two at once.
[DisallowConcurrentExecution]
internal sealed class PollJob(Poller poller, IdleMemoryRelease memory) : IJob
{
    public static readonly JobKey Key = new("poll");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await poller.PollAsync(cancellationToken);
        }
        finally
        {
            memory.ReleaseAfter(Key.Name);
        }
    }
}
