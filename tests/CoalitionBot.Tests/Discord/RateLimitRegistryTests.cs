using CoalitionBot.Discord.RateLimits;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Tests.Discord;

/// The shared limits, on a fake clock: what waits and what goes, without sleeping.
public sealed class RateLimitRegistryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_51st_request_in_a_second_waits_until_the_first_one_is_a_second_old()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        using var registry = new RateLimitRegistry(time);
        for (var i = 0; i < RateLimitRegistry.GlobalRequestsPerSecond; i++)
        {
            Assert.True(registry.WaitForGlobalSlotAsync(Token).IsCompletedSuccessfully);
        }

        var next = registry.WaitForGlobalSlotAsync(Token);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(10), Token);

        Assert.True(next.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_global_pause_holds_every_request_until_it_ends()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        using var registry = new RateLimitRegistry(time);
        registry.PauseGlobally(time.GetUtcNow().AddSeconds(3));

        var waiting = registry.WaitForGlobalSlotAsync(Token);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10), Token);

        Assert.True(waiting.IsCompletedSuccessfully);
    }

    [Fact]
    public void The_invalid_request_budget_recovers_when_the_refusals_are_ten_minutes_old()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        using var registry = new RateLimitRegistry(time, invalidRequestBudget: 3);
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(registry.InvalidBudgetSpent());
            registry.RecordInvalidAnswer();
        }

        Assert.Equal(3, registry.InvalidBudgetSpent());
        time.Advance(RateLimitRegistry.InvalidRequestWindow);
        Assert.Null(registry.InvalidBudgetSpent());
    }

    [Fact]
    public void Routes_sharing_a_bucket_id_share_one_bucket_per_top_level_resource()
    {
        using var registry = new RateLimitRegistry(TimeProvider.System);
        var messagesOf1 = RouteKey.From(HttpMethod.Get, new Uri("https://discord.com/api/v10/channels/1/messages"));
        var messagesOf2 = RouteKey.From(HttpMethod.Get, new Uri("https://discord.com/api/v10/channels/2/messages"));
        var threadsOf1 = RouteKey.From(HttpMethod.Get, new Uri("https://discord.com/api/v10/channels/1/threads/archived/public"));

        var bucket = registry.BucketFor(messagesOf1);
        registry.LearnBucketId(messagesOf1, "shared", bucket);
        registry.LearnBucketId(threadsOf1, "shared", registry.BucketFor(threadsOf1));

        Assert.Same(bucket, registry.BucketFor(messagesOf1));
        Assert.Same(bucket, registry.BucketFor(threadsOf1));
        Assert.NotSame(bucket, registry.BucketFor(messagesOf2));
    }
}
