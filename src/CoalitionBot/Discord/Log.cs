namespace CoalitionBot.Discord;

internal static partial class Log
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "The server's channel list could not be read from Discord: {Reason}")]
    public static partial void ChannelListUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 201, Level = LogLevel.Debug, Message = "Discord bucket of {Route} is empty: waiting {Seconds:0.###} s")]
    public static partial void WaitingForBucket(ILogger logger, string route, double seconds);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Discord rate-limited {Route} (429): waiting {Seconds:0.###} s (global: {Global}, scope: {Scope})")]
    public static partial void RateLimited(ILogger logger, string route, double seconds, bool global, string scope);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Discord asked for a wait of {Value} in {Source}, longer than any we honour: waiting {Seconds} s instead")]
    public static partial void RateLimitWaitCut(ILogger logger, string source, string value, double seconds);

    [LoggerMessage(EventId = 204, Level = LogLevel.Warning, Message = "Discord sent {Value} in {Source}, which is not a wait: ignored")]
    public static partial void RateLimitWaitIgnored(ILogger logger, string source, string value);
}
