using CoalitionBot.Localization;
using CoalitionBot.Storage;
using LiteDB;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Backup;

/// A failed snapshot, for the health check: when, and why in one line.
internal sealed record SnapshotFailure(DateTimeOffset At, string Reason);

/// Writes consistent copies of the open database while the bot runs, and deletes the ones older
/// than Backup:KeepDays. A failure is logged once and kept for the "backup" health check; the
/// snapshots already there are then left alone.
internal sealed class SnapshotWriter(
    Database database,
    IOptions<BackupOptions> options,
    IOptions<LocaleOptions> digest,
    TimeProvider time,
    ILogger<SnapshotWriter> logger)
{
    private const string PartialSuffix = ".partial";

    private readonly Lock gate = new();

    public string Folder => Path.GetFullPath(options.Value.Path);

    public SnapshotFailure? LastFailure { get; private set; }

    /// The snapshots on disk, newest first.
    public IReadOnlyList<SnapshotFile> Existing() => SnapshotFile.In(Folder, database.FullPath);

    /// Takes a snapshot now, then deletes the expired ones; null when it failed.
    public SnapshotFile? TakeSnapshot()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            try
            {
                var (snapshot, bytes, documents) = Write(now);
                var deleted = DeleteExpired(now);
                LastFailure = null;
                Log.SnapshotWritten(logger, snapshot.Path, bytes, documents, deleted, options.Value.KeepDays);
                return snapshot;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or LiteException or DatabaseInUseException)
            {
                var reason = Security.UnhandledExceptions.OneLine(exception.Message);
                LastFailure = new SnapshotFailure(now, reason);
                Log.SnapshotFailed(logger, database.FullPath, Folder, exception.GetType().Name, reason);
                return null;
            }
        }
    }

    private (SnapshotFile Snapshot, long Bytes, long Documents) Write(DateTimeOffset now)
    {
        var engine = database.Engine;
        OwnerOnly.CreateFolder(Folder);
        DeletePartials();
        var final = Path.Combine(Folder, SnapshotFile.NameFor(database.FullPath, now));
        var partial = final + PartialSuffix;

        // LiteDB commits into its log file and copies the log into the data file only at a
        // checkpoint, under its exclusive lock. After this one the data file holds every committed
        // write; an open transaction then holds LiteDB's transaction lock in shared mode, so writers
        // go on committing into the log while no checkpoint (the only writer of the data file) can
        // run until the copy is done.
        engine.Checkpoint();
        long bytes;
        engine.BeginTrans();
        try
        {
            bytes = Copy(database.FullPath, partial);
        }
        finally
        {
            engine.Rollback();
        }

        var documents = CountDocuments(partial);
        File.Move(partial, final, overwrite: true);
        return (new SnapshotFile(final, now), bytes, documents);
    }

    private static long Copy(string source, string target)
    {
        using var from = new FileStream(source, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.ReadWrite | FileShare.Delete,
            Options = FileOptions.SequentialScan,
        });
        using var to = OwnerOnly.Create(target);
        from.CopyTo(to);
        to.Flush(flushToDisk: true);
        return to.Length;
    }

    /// Opens the copy as LiteDB would on a restore and counts what it holds: a copy LiteDB cannot
    /// read throws here and never becomes a snapshot.
    private static long CountDocuments(string path)
    {
        using var copy = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, ReadOnly = true }, Database.CreateMapper());
        return copy.GetCollectionNames().Sum(name => (long)copy.GetCollection(name).Count());
    }

    /// What a snapshot interrupted by a crash or a full disk left behind.
    private void DeletePartials()
    {
        var pattern = Path.GetFileNameWithoutExtension(database.FullPath) + "-*" + Path.GetExtension(database.FullPath) + PartialSuffix;
        foreach (var path in Directory.EnumerateFiles(Folder, pattern))
        {
            File.Delete(path);
        }
    }

    /// Keeps the snapshots of the last KeepDays local days, today's included (7: a week of nights).
    private int DeleteExpired(DateTimeOffset now)
    {
        var zone = digest.Value.GetZone();
        var oldestKept = LocalDay(now, zone).AddDays(1 - options.Value.KeepDays);
        var deleted = 0;
        foreach (var snapshot in Existing().Where(s => LocalDay(s.TakenAt, zone) < oldestKept))
        {
            try
            {
                File.Delete(snapshot.Path);
                deleted++;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Log.SnapshotNotDeleted(logger, snapshot.Path, exception.Message);
            }
        }

        return deleted;
    }

    private static DateOnly LocalDay(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
}
