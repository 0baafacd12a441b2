namespace CoalitionBot.Admin;

internal static partial class Log
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Warning, Message = "Admin request to {Path} refused: wrong or missing token")]
    public static partial void TokenRefused(ILogger logger, string path);

    [LoggerMessage(EventId = 601, Level = LogLevel.Information, Message = "Admin: channel {ChannelId} {Change}")]
    public static partial void ChannelChanged(ILogger logger, ulong channelId, string change);

    [LoggerMessage(EventId = 604, Level = LogLevel.Information, Message = "Admin: switches set to daily mail {DailyMail}, weekly synthesis {WeeklySynthesis}, summaries {Summaries}")]
    public static partial void SwitchesChanged(ILogger logger, bool dailyMail, bool weeklySynthesis, bool summaries);

    [LoggerMessage(EventId = 602, Level = LogLevel.Warning, Message = "Admin page form refused: its anti-forgery token is missing or stale")]
    public static partial void AntiforgeryRefused(ILogger logger);

    [LoggerMessage(EventId = 603, Level = LogLevel.Warning, Message = "Restart asked from the admin page; stopping so the container's restart policy brings the bot back")]
    public static partial void RestartRequested(ILogger logger);
}
