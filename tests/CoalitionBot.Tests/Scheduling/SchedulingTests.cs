using CoalitionBot.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace CoalitionBot.Tests.Scheduling;

public sealed class SchedulingTests
{
    [Fact]
    public async Task Features_adding_jobs_separately_share_one_scheduler_and_one_hosted_service()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddScheduling(quartz => quartz.AddJob<FirstJob>(job => job.WithIdentity(FirstJob.Key).StoreDurably()));
        builder.AddScheduling(quartz => quartz.AddJob<SecondJob>(job => job.WithIdentity(SecondJob.Key).StoreDurably()));
        using var host = builder.Build();

        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);

        Assert.NotNull(await scheduler.GetJobDetail(FirstJob.Key, TestContext.Current.CancellationToken));
        Assert.NotNull(await scheduler.GetJobDetail(SecondJob.Key, TestContext.Current.CancellationToken));
        Assert.Single(host.Services.GetServices<IHostedService>());
    }

    private sealed class FirstJob : IJob
    {
        public static readonly JobKey Key = new("first");

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }

    private sealed class SecondJob : IJob
    {
        public static readonly JobKey Key = new("second");

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}
