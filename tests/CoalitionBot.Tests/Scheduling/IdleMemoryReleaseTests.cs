using CoalitionBot.Ingestion;
using CoalitionBot.Scheduling;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoalitionBot.Tests.Scheduling;

/// The collection after a job: only when the job's work allocated enough, once per batch of work.
public sealed class IdleMemoryReleaseTests : IDisposable
{
    private readonly TempDirectory data = new();
    private long allocated;
    private int collections;

    [Fact]
    public void A_job_that_allocated_little_is_left_alone()
    {
        var release = Release();
        allocated = IdleMemoryRelease.Threshold - 1;

        Assert.False(release.ReleaseAfter("digest"));
        Assert.Equal(0, collections);
    }

    [Fact]
    public void A_job_that_allocated_enough_is_followed_by_one_collection_and_the_count_starts_again()
    {
        var release = Release();
        allocated = 40L << 20;

        Assert.True(release.ReleaseAfter("poll"));
        Assert.Equal(1, collections);

        // Nothing allocated since: the next job does not collect again.
        Assert.False(release.ReleaseAfter("digest"));
        allocated += IdleMemoryRelease.Threshold - 1;
        Assert.False(release.ReleaseAfter("retention"));

        // Allocations add up across small jobs until they reach the threshold.
        allocated += 1;
        Assert.True(release.ReleaseAfter("poll"));
        Assert.Equal(2, collections);
    }

    [Fact]
    public async Task The_poll_job_releases_memory_when_it_ends_even_when_the_poll_fails()
    {
        // Nothing listens on port 9: the poll fails, and the job still ends with the release.
        using var host = IngestionFixtures.Host(data.Path, "http://127.0.0.1:9/api/v10", configureServices: services =>
        {
            services.RemoveAll<IdleMemoryRelease>();
            services.AddSingleton(Release());
        });
        allocated = 40L << 20;
        var job = ActivatorUtilities.CreateInstance<PollJob>(host.Services);

        await job.Execute(null!, TestContext.Current.CancellationToken);

        Assert.Equal(1, collections);
    }

    public void Dispose() => data.Dispose();

    private IdleMemoryRelease Release() => new(NullLogger<IdleMemoryRelease>.Instance)
    {
        AllocatedBytes = () => allocated,
        Collect = () => collections++,
    };
}
