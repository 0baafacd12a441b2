using CoalitionBot.Backup;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using LiteDB;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Tests.Backup;

/// Snapshots of a real LiteDB file that is being written: each one opens, holds whole transactions
/// only, holds everything committed before it was taken, is readable by its owner only, and
/// retention removes the old ones and nothing else.
[Collection(PermissiveUmask.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SnapshotWriterTests : IDisposable
{
    private const int Batch = 40;

    private readonly TestDatabase database = new();
    private readonly LogCollector logs = new();
    private readonly ILoggerFactory loggers;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 3, 2, 45, 0, TimeSpan.Zero));

    public SnapshotWriterTests() => loggers = LoggerFactory.Create(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));

    private string Folder => Path.Combine(database.Folder, "backups");

    [Fact]
    public async Task Snapshots_taken_while_a_writer_commits_hold_whole_transactions_and_open_cleanly()
    {
        var messages = new MessageStore(database.Database);
        var writer = Writer();
        using var stop = new CancellationTokenSource();
        var committed = 0;
        // Large messages fill LiteDB's log fast, so that its automatic checkpoints (the only writes
        // to the data file) keep coming while snapshots are copied.
        var writing = Task.Run(
            () =>
            {
                var content = new string('x', 2000);
                for (var batch = 0; !stop.IsCancellationRequested && batch < 400; batch++)
                {
                    messages.Upsert(Enumerable.Range(batch * Batch, Batch).Select(i => new StoredMessage { Id = (ulong)i + 1, ChannelId = 9, Content = content, Timestamp = clock.GetUtcNow() }));
                    Volatile.Write(ref committed, (batch + 1) * Batch);
                }
            },
            TestContext.Current.CancellationToken);
        var snapshots = new List<(SnapshotFile File, int CommittedBefore)>();
        for (var i = 0; i < 5; i++)
        {
            while (Volatile.Read(ref committed) < (i + 1) * 50 * Batch && !writing.IsCompleted)
            {
                await Task.Yield();
            }

            clock.Advance(TimeSpan.FromMinutes(1));
            var before = Volatile.Read(ref committed);
            snapshots.Add((Assert.IsType<SnapshotFile>(writer.TakeSnapshot()), before));
        }

        await stop.CancelAsync();
        await writing;

        foreach (var (file, committedBefore) in snapshots)
        {
            var ids = ReadMessageIds(file.Path);
            Assert.True(ids.Count >= committedBefore, $"{file.Path}: {ids.Count} messages, {committedBefore} were committed before it was taken");
            Assert.True(ids.Count % Batch == 0, $"{file.Path}: {ids.Count} messages, not whole batches of {Batch}");
            Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => (long)i), ids);
        }
    }

    [Fact]
    public void A_snapshot_holds_what_was_committed_just_before_even_if_only_in_LiteDB_log()
    {
        var messages = new MessageStore(database.Database);
        messages.Upsert([new StoredMessage { Id = 1, ChannelId = 9, Content = "avant", Timestamp = clock.GetUtcNow() }]);

        var snapshot = Writer().TakeSnapshot();

        Assert.NotNull(snapshot);
        Assert.Equal([1L], ReadMessageIds(snapshot.Path));
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Information && l.Message.StartsWith($"Backup: snapshot {snapshot.Path} written (", StringComparison.Ordinal));
    }

    [Fact]
    public void Snapshots_and_their_folder_are_readable_by_their_owner_only()
    {
        // Opening the database sets the process's umask to 077; a permissive one afterwards leaves
        // the snapshot's own code to restrict what it creates.
        _ = database.Database.Engine;
        using var umask = PermissiveUmask.Set();

        var snapshot = Writer().TakeSnapshot();

        Assert.NotNull(snapshot);
        Assert.Equal(OwnerOnly.FilePermissions, File.GetUnixFileMode(snapshot.Path));
        Assert.Equal(OwnerOnly.FolderPermissions, File.GetUnixFileMode(Folder));
    }

    [Fact]
    public void Retention_deletes_the_snapshots_older_than_KeepDays_and_nothing_else()
    {
        Directory.CreateDirectory(Folder);
        string[] old = ["coalitionbot-20261127T024500Z.db", "coalitionbot-20261130T024500Z.db", "coalitionbot-20261130T225959Z.db"];
        string[] kept = ["coalitionbot-20261130T230000Z.db", "coalitionbot-20261202T024500Z.db"];
        string[] others = ["notes.txt", "coalitionbot.db", "other-20261101T024500Z.db", "coalitionbot-20261101.db", "coalitionbot-20261101T024500Z.db.bak"];
        foreach (var name in old.Concat(kept).Concat(others))
        {
            File.WriteAllText(Path.Combine(Folder, name), name);
        }

        // KeepDays 3 on 3 December in Brussels: 1, 2 and 3 December (from 30 November 23:00 UTC) stay.
        var snapshot = Writer(keepDays: 3).TakeSnapshot();

        Assert.NotNull(snapshot);
        Assert.Equal(
            kept.Concat(others).Append("coalitionbot-20261203T024500Z.db").Order(StringComparer.Ordinal),
            Directory.EnumerateFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains(logs.Lines, l => l.Message.EndsWith("; 3 snapshots older than 3 days deleted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_snapshot_interrupted_earlier_is_cleared_and_a_failure_keeps_the_old_snapshots_and_degrades_health()
    {
        Directory.CreateDirectory(Folder);
        var leftover = Path.Combine(Folder, "coalitionbot-20261202T024500Z.db.partial");
        var old = Path.Combine(Folder, "coalitionbot-20261101T024500Z.db");
        File.WriteAllText(leftover, "half");
        File.WriteAllText(old, "old");
        var writer = Writer(keepDays: 1);
        Assert.NotNull(writer.TakeSnapshot());
        Assert.False(File.Exists(leftover));
        Assert.False(File.Exists(old));
        File.WriteAllText(old, "old");

        // The database file moved away under the running bot: the copy fails, and nothing is deleted.
        clock.Advance(TimeSpan.FromDays(1));
        File.Move(database.Options.Value.Path, database.Options.Value.Path + ".moved");
        var failed = writer.TakeSnapshot();
        var health = await new BackupHealthCheck(writer, Options.Create(new BackupOptions { Path = Folder })).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Null(failed);
        Assert.True(File.Exists(old));
        Assert.Single(logs.Lines, l => l.Level == LogLevel.Error && l.Message.StartsWith("Backup: the snapshot of ", StringComparison.Ordinal));
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.StartsWith("the last snapshot failed at 2026-12-04 02:45:00Z: ", health.Description, StringComparison.Ordinal);
        Assert.Equal(2, health.Data["kept"]);
    }

    public void Dispose()
    {
        database.Dispose();
        loggers.Dispose();
    }

    private SnapshotWriter Writer(int keepDays = 7) => new(
        database.Database,
        Options.Create(new BackupOptions { Path = Folder, KeepDays = keepDays }),
        Options.Create(new CoalitionBot.Localization.LocaleOptions { TimeZone = "Europe/Brussels" }),
        clock,
        loggers.CreateLogger<SnapshotWriter>());

    /// The snapshot opened as a restore would open it, on a copy (opening may write its log beside it).
    private List<long> ReadMessageIds(string snapshot)
    {
        var copy = Path.Combine(database.Folder, "restore-" + Path.GetFileName(snapshot));
        File.Copy(snapshot, copy, overwrite: true);
        using var restored = new LiteDatabase(new ConnectionString { Filename = copy, Connection = ConnectionType.Direct });
        return [.. restored.GetCollection(MessageStore.CollectionName).FindAll().Select(d => d["_id"].AsInt64).Order()];
    }
}
