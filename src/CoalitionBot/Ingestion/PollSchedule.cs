using Microsoft.Extensions.Options;
using Quartz;

namespace CoalitionBot.Ingestion;

/// Gives the poll job its trigger at start, when polling is configured: decided from the resolved
/// options rather than at registration, so the scheduler holds no poll trigger without a bot token.
internal sealed class PollSchedule(ISchedulerFactory schedulers, Poller poller, IOptions<IngestionOptions> options, TimeProvider time) : IHostedService
{
    public static readonly TriggerKey TriggerKey = new("poll");

    /// The first poll waits for the rest of the application to be up.
    public static readonly TimeSpan FirstPollDelay = TimeSpan.FromSeconds(5);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!poller.IsConfigured)
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(TriggerKey)
            .ForJob(PollJob.Key)
            .StartAt(time.GetUtcNow() + FirstPollDelay)
            .WithSimpleSchedule(schedule => schedule.WithInterval(options.Value.PollInterval).RepeatForever().MeasureIntervalFromCompletion())
            .Build();
        await scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
