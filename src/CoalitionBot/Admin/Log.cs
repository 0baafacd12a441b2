namespace CoalitionBot.Admin;

internal static partial class Log
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Admin: channel {ChannelId} {Change} by {Who}")]
    public static partial void ChannelChanged(ILogger logger, ulong channelId, string change, string who);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Information, Message = "Admin: digest audience set to {Role} ({Reference}) by {Who}")]
    public static partial void AudienceChanged(ILogger logger, string role, string reference, string who);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Admin: switches set to daily mail {DailyMail}, weekly synthesis {WeeklySynthesis}, summaries {Summaries}, abstracts {Abstracts} by {Who}")]
    public static partial void SwitchesChanged(ILogger logger, bool dailyMail, bool weeklySynthesis, bool summaries, bool abstracts, string who);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Restart asked from the admin page by {Who}; stopping so the container's restart policy brings the bot back")]
    public static partial void RestartRequested(ILogger logger, string who);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "Admin: signed in with the {SignedInWith} from {Address}")]
    public static partial void SignedIn(ILogger logger, string signedInWith, System.Net.IPAddress address);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Information, Message = "Admin: every session ended ({Count}), sign-in needed again everywhere")]
    public static partial void SessionsRevoked(ILogger logger, int count);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Error, Message = "Admin action {Path} failed with {ExceptionType}: {Reason}")]
    public static partial void ActionFailed(ILogger logger, string path, string exceptionType, string reason);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Error, Message = "Admin status: the {Part} part could not be read, {ExceptionType}: {Reason}")]
    public static partial void StatusPartFailed(ILogger logger, string part, string exceptionType, string reason);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Error, Message = "Admin page: the activity charts could not be read ({Reason}); the page shows without them")]
    public static partial void ActivityUnreadable(ILogger logger, string reason);
}
