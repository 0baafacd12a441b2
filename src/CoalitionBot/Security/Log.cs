using System.Net;

namespace CoalitionBot.Security;

internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Warning, Message = "Unauthenticated requests refused since {Since:yyyy-MM-dd HH:mm:ss} UTC: {Count} ({Reasons})")]
    public static partial void RefusalSummary(ILogger logger, DateTimeOffset since, long count, string reasons);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Refused ({Reason}): {Method} {Path} from {Address}")]
    public static partial void Refused(ILogger logger, RefusalReason reason, string method, string path, IPAddress address);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "{Method} {Path} failed with {ExceptionType}: {Reason}; answered {Status}")]
    public static partial void RequestFailed(ILogger logger, string method, string path, string exceptionType, string reason, int status);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "The failure of {Method} {Path}, with its stack trace")]
    public static partial void RequestFailedDetail(ILogger logger, Exception exception, string method, string path);
}
