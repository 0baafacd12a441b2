using Quartz;

namespace CoalitionBot.Ingestion;

/// Every Ingestion:PollInterval: one poll. Never two at once.
[DisallowConcurrentExecution]
internal sealed class PollJob(Poller poller) : IJob
{
    public static readonly JobKey Key = new("poll");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await poller.PollAsync(cancellationToken);
}
