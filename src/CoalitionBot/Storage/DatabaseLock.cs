using System.Globalization;

namespace CoalitionBot.Storage;

/// An exclusive OS lock on a file beside the database, held for as long as the database is open:
/// a second process (a preview, a second bot) is refused instead of writing the same LiteDB file at
/// the same time. The kernel drops the lock when its holder exits, however it exits, so a crash
/// leaves nothing to clean up. The holder also writes who it is in an .owner file beside it, for
/// the refusal to name (the lock file itself cannot be read by anyone else while it is held).
internal sealed class DatabaseLock : IDisposable
{
    /// EWOULDBLOCK on Linux: another open file holds the lock (.NET takes it with flock for FileShare.None).
    private const int WouldBlock = 11;

    private readonly FileStream held;
    private readonly string ownerPath;

    private DatabaseLock(FileStream held, string ownerPath)
    {
        this.held = held;
        this.ownerPath = ownerPath;
    }

    public static string LockPath(string databasePath) => databasePath + ".lock";

    public static string OwnerPath(string databasePath) => databasePath + ".owner";

    /// Takes the lock, or throws <see cref="DatabaseInUseException"/> naming its holder.
    public static DatabaseLock Acquire(string databasePath)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly.FilePermissions;
        }

        FileStream held;
        try
        {
            held = new FileStream(LockPath(databasePath), options);
        }
        catch (IOException exception) when (exception.HResult == WouldBlock)
        {
            throw new DatabaseInUseException(databasePath, ReadOwner(OwnerPath(databasePath)));
        }

        try
        {
            using (var owner = OwnerOnly.Create(OwnerPath(databasePath)))
            using (var writer = new StreamWriter(owner))
            {
                writer.Write(Describe());
            }

            return new DatabaseLock(held, OwnerPath(databasePath));
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        // The note goes first, while the lock still says it is ours.
        try
        {
            File.Delete(ownerPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A stale note is harmless: the next holder overwrites it.
        }

        held.Dispose();
    }

    /// "the running bot (pid 1 on 3f2a9c1b, since 2026-11-23 07:00:02Z)": what a refusal shows. No
    /// argument is written, since settings (secrets included) can be given on the command line.
    private static string Describe()
    {
        var arguments = Environment.GetCommandLineArgs();
        var who = arguments.Length > 1 && arguments[1] == "digest" ? "a digest preview" : "the running bot";
        return string.Create(CultureInfo.InvariantCulture, $"{who} (pid {Environment.ProcessId} on {Environment.MachineName}, since {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm:ss}Z)");
    }

    private static string? ReadOwner(string path)
    {
        try
        {
            var text = File.ReadAllText(path).Trim();
            return text.Length is > 0 and < 300 && !text.Contains('\n', StringComparison.Ordinal) ? text : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
