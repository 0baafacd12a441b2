using BenchmarkDotNet.Attributes;
using CoalitionBot.Storage;

namespace CoalitionBot.Benchmarks.Micro;

/// Ingestion's write path: one 100-message page (Discord's page size) upserted in one transaction.
/// OperationsPerInvoke makes the reported time per message: messages/s = 1e9 / Mean(ns).
[MemoryDiagnoser]
public class StorageBenchmarks : IDisposable
{
    public const int PageSize = 100;

    private BenchDatabase? database;
    private MessageStore? store;
    private StoredMessage[] existingPage = [];
    private ulong nextId = 1417000000000000000;

    [GlobalSetup]
    public void Setup()
    {
        database = new BenchDatabase();
        store = new MessageStore(database.Database);
        // A store that already holds a few pages, as it does after the first polls.
        for (var page = 0; page < 20; page++)
        {
            store.Upsert(NewPage());
        }

        existingPage = NewPage();
        store.Upsert(existingPage);
    }

    [Benchmark(OperationsPerInvoke = PageSize, Description = "MessageStore.Upsert new page (per message)")]
    public int UpsertNewPage() => store!.Upsert(NewPage());

    [Benchmark(OperationsPerInvoke = PageSize, Description = "MessageStore.Upsert re-polled page (per message)")]
    public int UpsertExistingPage() => store!.Upsert(existingPage);

    // BenchmarkDotNet does not dispose benchmark instances; it calls the cleanup method.
    [GlobalCleanup]
    public void Dispose()
    {
        database?.Dispose();
        GC.SuppressFinalize(this);
    }

    private StoredMessage[] NewPage()
    {
        var page = new StoredMessage[PageSize];
        var time = DateTimeOffset.FromUnixTimeSeconds(1732400000);
        for (var i = 0; i < PageSize; i++)
        {
            var id = nextId++;
            page[i] = new StoredMessage
            {
                Id = id,
                ChannelId = 1300000000000000100 + (id % 12),
                AuthorId = 222222222222222222 + (id % 40),
                AuthorName = "Camille",
                Content = "Réunion demain à 18 h au local, on prépare la manifestation de samedi. Qui peut apporter les banderoles ?",
                Timestamp = time.AddSeconds(i * 37),
                Type = i % 10 == 0 ? 19 : 0,
                ReplyToMessageId = i % 10 == 0 ? id - 3 : null,
                ReplyToChannelId = i % 10 == 0 ? 1300000000000000100 + (id % 12) : null,
                MentionedUsers = i % 7 == 0 ? [new StoredMention(222222222222222223, "Alex")] : [],
                Reactions = i % 5 == 0 ? [new StoredReaction("👍", null, 3)] : [],
            };
        }

        return page;
    }
}
