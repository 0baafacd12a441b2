using System.Globalization;

namespace CoalitionBot.Backup;

internal sealed class BackupOptions
{
    public const string SectionName = "Backup";

    /// Folder of the nightly snapshots; relative paths resolve against the working directory, as Storage:Path does.
    public string Path { get; set; } = "data/backups";

    /// Snapshots of the last KeepDays days (today's included) are kept; older ones are deleted.
    public int KeepDays { get; set; } = 7;

    /// Local time of the nightly snapshot, HH:mm, in Digest:TimeZone; after the 03:30 retention sweep.
    public string At { get; set; } = "03:45";

    public TimeOnly GetAt() => TimeOnly.ParseExact(At, "HH:mm", CultureInfo.InvariantCulture);
}
