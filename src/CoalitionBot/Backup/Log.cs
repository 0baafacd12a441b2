namespace CoalitionBot.Backup;

internal static partial class Log
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Backup: snapshot {Path} written ({Bytes} bytes, {Documents} documents); {Deleted} snapshots older than {KeepDays} days deleted")]
    public static partial void SnapshotWritten(ILogger logger, string path, long bytes, long documents, int deleted, int keepDays);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "Backup: the snapshot of {Database} into {Folder} failed ({Kind}): {Reason}")]
    public static partial void SnapshotFailed(ILogger logger, string database, string folder, string kind, string reason);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Backup: the old snapshot {Path} could not be deleted: {Reason}")]
    public static partial void SnapshotNotDeleted(ILogger logger, string path, string reason);
}
