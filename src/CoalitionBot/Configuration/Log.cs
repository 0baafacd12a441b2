namespace CoalitionBot.Configuration;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Critical, Message = "Configuration error: {Problem}")]
    public static partial void ConfigurationError(ILogger logger, string problem);
}
