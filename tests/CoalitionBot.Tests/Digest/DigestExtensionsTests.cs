using CoalitionBot.Digest;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace CoalitionBot.Tests.Digest;

public sealed class DigestExtensionsTests
{
    [Fact]
    public async Task Quartz_configurations_from_several_features_add_up_and_keep_one_hosted_service()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddQuartz(quartz => quartz.AddDigestJob(new TimeOnly(7, 0), DigestFixtures.Brussels));
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        var pollKey = new JobKey("poll", "ingestion");
        services.AddQuartz(quartz => quartz.AddJob<OtherJob>(job => job.WithIdentity(pollKey)).AddTrigger(t => t.ForJob(pollKey).WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(5)).RepeatForever())));
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        await using var provider = services.BuildServiceProvider();

        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);

        Assert.True(await scheduler.Exists(DigestJob.Key, TestContext.Current.CancellationToken));
        Assert.True(await scheduler.Exists(pollKey, TestContext.Current.CancellationToken));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
    }

    private sealed class OtherJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}
