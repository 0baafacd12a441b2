namespace CoalitionBot.Discord;

internal static partial class Log
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "The server's channel list could not be read from Discord: {Reason}")]
    public static partial void ChannelListUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 201, Level = LogLevel.Debug, Message = "Discord bucket of {Route} is empty: waiting {Seconds:0.###} s")]
    public static partial void WaitingForBucket(ILogger logger, string route, double seconds);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Discord rate-limited {Route} (429): waiting {Seconds:0.###} s (global: {Global}, scope: {Scope})")]
    public static partial void RateLimited(ILogger logger, string route, double seconds, bool global, string scope);
}
