namespace CoalitionBot.Monitoring;

internal static partial class Log
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Warning, Message = "The push to Uptime Kuma failed ({Reason}); it will be tried again after the next poll")]
    public static partial void PushFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Pushes to Uptime Kuma work again")]
    public static partial void PushRecovered(ILogger logger);
}
