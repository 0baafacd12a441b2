namespace CoalitionBot.Admin;

/// The preview's and the long actions' log lines (event ids 640 to 649).
internal static partial class Log
{
    [LoggerMessage(EventId = 1140, Level = LogLevel.Warning, Message = "Admin preview of {Day}: the digest could not be built ({Reason}); the page says so")]
    public static partial void PreviewFailed(ILogger logger, string day, string reason);

    [LoggerMessage(EventId = 1141, Level = LogLevel.Information, Message = "Admin: {Kind} started in the background as operation {Id}")]
    public static partial void OperationStarted(ILogger logger, string kind, string id);

    [LoggerMessage(EventId = 1142, Level = LogLevel.Information, Message = "Admin: operation {Id} ({Kind}) ended in {Seconds} s, {Outcome}")]
    public static partial void OperationEnded(ILogger logger, string id, string kind, double seconds, string outcome);
}
