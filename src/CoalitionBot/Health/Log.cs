namespace CoalitionBot.Health;

internal static partial class Log
{
    [LoggerMessage(EventId = 900, Level = LogLevel.Warning, Message = "Off: {Feature}. {Detail}")]
    public static partial void FeatureOff(ILogger logger, string feature, string detail);

    [LoggerMessage(EventId = 901, Level = LogLevel.Warning, Message = "Audience: {Problem}")]
    public static partial void AudienceProblem(ILogger logger, string problem);
}
