using CoalitionBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Tests.Support;

/// A LiteDB file in a fresh temporary folder; Reopen() simulates a restart of the process.
internal sealed class TestDatabase : IDisposable
{
    private readonly List<Database> opened = [];

    public TestDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("coalitionbot-test-").FullName;
        Options = Microsoft.Extensions.Options.Options.Create(new StorageOptions { Path = Path.Combine(Folder, "coalitionbot.db") });
        Database = Open();
    }

    public string Folder { get; }

    public IOptions<StorageOptions> Options { get; }

    public Database Database { get; private set; }

    public Database Reopen()
    {
        Database.Dispose();
        Database = Open();
        return Database;
    }

    public void Dispose()
    {
        foreach (var database in opened)
        {
            database.Dispose();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Database Open()
    {
        var database = new Database(Options, NullLogger<Database>.Instance);
        opened.Add(database);
        return database;
    }
}
