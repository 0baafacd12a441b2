using System.Globalization;

namespace CoalitionBot.Backup;

/// One snapshot on disk: coalitionbot-20261203T024500Z.db beside its siblings, named after the
/// database file and the UTC time it was taken, so retention reads its age from the name (a copy
/// restored by restic or rsync loses its modification time, not its name).
internal sealed record SnapshotFile(string Path, DateTimeOffset TakenAt)
{
    private const string StampFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// "20261203T024500Z".
    private const int StampLength = 16;

    /// The snapshot name for the database at <paramref name="databasePath"/> taken at <paramref name="at"/>.
    public static string NameFor(string databasePath, DateTimeOffset at) =>
        $"{System.IO.Path.GetFileNameWithoutExtension(databasePath)}-{at.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture)}{System.IO.Path.GetExtension(databasePath)}";

    /// The snapshots of that database in the folder, newest first; any other file is not one.
    public static IReadOnlyList<SnapshotFile> In(string folder, string databasePath)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var stem = System.IO.Path.GetFileNameWithoutExtension(databasePath) + "-";
        var extension = System.IO.Path.GetExtension(databasePath);
        var found = new List<SnapshotFile>();
        foreach (var path in Directory.EnumerateFiles(folder))
        {
            var name = System.IO.Path.GetFileName(path);
            if (name.Length == stem.Length + StampLength + extension.Length
                && name.StartsWith(stem, StringComparison.Ordinal)
                && name.EndsWith(extension, StringComparison.Ordinal)
                && DateTime.TryParseExact(name.AsSpan(stem.Length, StampLength), StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var taken))
            {
                found.Add(new SnapshotFile(path, new DateTimeOffset(taken, TimeSpan.Zero)));
            }
        }

        return [.. found.OrderByDescending(s => s.TakenAt)];
    }
}
