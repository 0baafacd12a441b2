using CoalitionBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Benchmarks.Micro;

/// A LiteDB file in a temp folder of its own, deleted with it.
internal sealed class BenchDatabase : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("coalitionbot-bench-");

    public BenchDatabase()
    {
        Path = System.IO.Path.Combine(directory.FullName, "bench.db");
        Database = new Database(Options.Create(new StorageOptions { Path = Path }), NullLogger<Database>.Instance);
    }

    public string Path { get; }

    public Database Database { get; }

    public void Dispose()
    {
        Database.Dispose();
        directory.Delete(recursive: true);
    }
}
