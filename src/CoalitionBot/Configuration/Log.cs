namespace CoalitionBot.Configuration;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Critical, Message = "Configuration error: {Problem}")]
    public static partial void ConfigurationError(ILogger logger, string problem);

    [LoggerMessage(EventId = 2, Level = LogLevel.Critical, Message = "Cannot listen on {Urls}: {Reason} (another bot running? set Urls to another address)")]
    public static partial void CannotListen(ILogger logger, string urls, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Critical, Message = "Unknown command \"{Verb}\": the commands are register-commands and digest --preview [--date YYYY-MM-DD] [--sample]; with none, the bot serves")]
    public static partial void UnknownCommand(ILogger logger, string verb);

    [LoggerMessage(EventId = 4, Level = LogLevel.Critical, Message = "{Problem}")]
    public static partial void DatabaseInUse(ILogger logger, string problem);
}
