namespace CoalitionBot.Activity;

internal static partial class Log
{
    [LoggerMessage(EventId = 500, Level = LogLevel.Warning, Message = "/resume: the refresh of the recent messages failed ({Reason}); answering from the stored messages")]
    public static partial void RecentRefreshFailed(ILogger logger, string reason);
}
