using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoalitionBot.Tests.Storage;

/// One database, one holder: a second open of the same file waits for nobody, it is refused and
/// told who holds it. (The same between processes, and after a crash: Configuration/CommandLineTests.)
public sealed class DatabaseLockTests : IDisposable
{
    private readonly TempDirectory folder = new("coalitionbot-lock-");

    private string DatabasePath => Path.Combine(folder.Path, "coalitionbot.db");

    [Fact]
    public void A_second_open_of_a_database_in_use_is_refused_in_one_line_naming_the_holder()
    {
        using var running = Open();
        _ = running.Engine;
        using var second = Open();

        var refusal = Assert.Throws<DatabaseInUseException>(() => second.Engine);

        Assert.StartsWith($"The database {DatabasePath} is in use by the running bot (pid {Environment.ProcessId} on {Environment.MachineName}, since ", refusal.Message, StringComparison.Ordinal);
        Assert.EndsWith("stop it first (docker compose stop bot), then run this again.", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal.Message);
    }

    [Fact]
    public void The_refused_one_leaves_the_holder_working_and_opens_once_the_holder_has_closed()
    {
        var running = Open();
        var messages = new MessageStore(running);
        messages.Upsert([new StoredMessage { Id = 1, ChannelId = 9, Content = "avant", Timestamp = TimeProvider.System.GetUtcNow() }]);
        using var second = Open();
        Assert.Throws<DatabaseInUseException>(() => second.Engine);

        messages.Upsert([new StoredMessage { Id = 2, ChannelId = 9, Content = "pendant", Timestamp = TimeProvider.System.GetUtcNow() }]);
        running.Dispose();

        Assert.Equal(2, new MessageStore(second).Count());
    }

    [Fact]
    public void Lock_files_left_behind_by_a_process_that_died_do_not_block_the_next_one()
    {
        File.WriteAllText(DatabaseLock.LockPath(DatabasePath), "");
        File.WriteAllText(DatabaseLock.OwnerPath(DatabasePath), "the running bot (pid 1 on a-dead-container, since 2026-11-23 07:00:00Z)");
        using var next = Open();

        _ = next.Engine;

        Assert.NotEqual("the running bot (pid 1 on a-dead-container, since 2026-11-23 07:00:00Z)", File.ReadAllText(DatabaseLock.OwnerPath(DatabasePath)));
    }

    public void Dispose() => folder.Dispose();

    private Database Open() =>
        new(Microsoft.Extensions.Options.Options.Create(new StorageOptions { Path = DatabasePath }), NullLogger<Database>.Instance);
}
