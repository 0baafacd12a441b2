namespace CoalitionBot.Discord;

internal static partial class Log
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "The server's channel list could not be read from Discord: {Reason}")]
    public static partial void ChannelListUnavailable(ILogger logger, string reason);
}
