using CoalitionBot.Scheduling;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Tests.Ingestion;

public sealed class RetentionTests : IDisposable
{
    private readonly TempDirectory data = new();

    [Fact]
    public void Retention_purges_messages_older_than_the_retention_days()
    {
        using var host = IngestionFixtures.Host(data.Path, "http://127.0.0.1:9/api/v10", settings: new Dictionary<string, string?> { ["Storage:RetentionDays"] = "30" });
        var now = TimeProvider.System.GetUtcNow();
        host.Messages.Upsert(
        [
            new StoredMessage { Id = 1, ChannelId = 9, Content = "old", Timestamp = now.AddDays(-31) },
            new StoredMessage { Id = 2, ChannelId = 9, Content = "kept", Timestamp = now.AddDays(-29) },
            new StoredMessage { Id = 3, ChannelId = 9, Content = "today", Timestamp = now },
        ]);
        var job = new RetentionJob(host.Messages, [], [], host.Get<IOptions<StorageOptions>>(), TimeProvider.System, new IdleMemoryRelease(NullLogger<IdleMemoryRelease>.Instance), NullLogger<RetentionJob>.Instance);

        var removed = job.Purge();

        Assert.Equal(1, removed);
        Assert.Null(host.Messages.Find(1));
        Assert.Equal("kept", host.Messages.Find(2)!.Content);
        Assert.Equal(2, host.Messages.Count());
    }

    public void Dispose() => data.Dispose();
}
