namespace CoalitionBot.Storage;

internal static partial class Log
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Database {Path} opened (new file: {IsNew})")]
    public static partial void DatabaseOpened(ILogger logger, string path, bool isNew);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Imported {Count} channel entries from {Path}")]
    public static partial void SeedImported(ILogger logger, string path, int count);

    [LoggerMessage(EventId = 302, Level = LogLevel.Critical, Message = "The database {Path} cannot be opened: {Reason}")]
    public static partial void DatabaseUnavailable(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 303, Level = LogLevel.Information, Message = "Retention: {Count} messages older than {Cutoff:u} removed")]
    public static partial void RetentionPurged(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 304, Level = LogLevel.Warning, Message = "The database {Path} could not be made readable by its owner only: {Reason}")]
    public static partial void NotOwnerOnly(ILogger logger, string path, string reason);
}
