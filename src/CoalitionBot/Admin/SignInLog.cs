using System.Net;

namespace CoalitionBot.Admin;

/// The log lines of "sign in with Discord" (never the code, a token or the client secret).
internal static partial class Log
{
    [LoggerMessage(EventId = 1150, Level = LogLevel.Information, Message = "Admin: {Name} ({UserId}) signed in with Discord from {Address}")]
    public static partial void SignedInWithDiscord(ILogger logger, string name, ulong userId, IPAddress address);

    [LoggerMessage(EventId = 1151, Level = LogLevel.Warning, Message = "Admin: Discord sign-in refused for {Name} ({UserId}), {Reason}, from {Address}")]
    public static partial void SignInRefused(ILogger logger, string name, ulong userId, string reason, IPAddress address);

    [LoggerMessage(EventId = 1152, Level = LogLevel.Warning, Message = "Admin: Discord sign-in could not finish, Discord could not be asked ({Problem}), from {Address}")]
    public static partial void SignInUnreachable(ILogger logger, string problem, IPAddress address);

    [LoggerMessage(EventId = 1153, Level = LogLevel.Error, Message = "Admin: Discord refused the application's credentials for sign-in (401 on oauth2/token): check Discord:ClientSecret and Discord:ApplicationId")]
    public static partial void ClientRefused(ILogger logger);

    [LoggerMessage(EventId = 1154, Level = LogLevel.Warning, Message = "Admin: the sign-in's access token could not be revoked ({Problem}); Discord lets it expire")]
    public static partial void RevokeFailed(ILogger logger, string problem);

    [LoggerMessage(EventId = 1155, Level = LogLevel.Information, Message = "Admin: {Name} ({UserId}) signed out at the periodic check, {Reason}")]
    public static partial void SessionEndedByCheck(ILogger logger, string name, ulong userId, string reason);

    [LoggerMessage(EventId = 1156, Level = LogLevel.Warning, Message = "Admin: the periodic check of {Name} ({UserId})'s session could not ask Discord ({Problem}); the session lasts at most until {Until:u} without a check")]
    public static partial void SessionCheckUnreachable(ILogger logger, string name, ulong userId, string problem, DateTimeOffset until);
}
