namespace CoalitionBot.Health;

internal static partial class Log
{
    [LoggerMessage(EventId = 900, Level = LogLevel.Warning, Message = "Off: {Feature}. {Detail}")]
    public static partial void FeatureOff(ILogger logger, string feature, string detail);
}
