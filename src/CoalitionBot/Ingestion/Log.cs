namespace CoalitionBot.Ingestion;

internal static partial class Log
{
    [LoggerMessage(EventId = 400, Message = "Poll: {ChannelsRead} channels read, {MessagesStored} messages stored, {Requests} requests")]
    public static partial void PollCompleted(ILogger logger, LogLevel level, int channelsRead, int messagesStored, long requests);

    [LoggerMessage(EventId = 401, Level = LogLevel.Error, Message = "Discord rejected the bot token (401): polling pauses, and the token is tried again at {NextProbe:u}, then hourly (an admin poll tries at once). If it was revoked or regenerated, set a valid Discord:BotToken and restart.")]
    public static partial void TokenRejected(ILogger logger, DateTimeOffset nextProbe);

    [LoggerMessage(EventId = 408, Level = LogLevel.Warning, Message = "Discord still rejects the bot token (401); next try at {NextProbe:u}")]
    public static partial void TokenStillRejected(ILogger logger, DateTimeOffset nextProbe);

    [LoggerMessage(EventId = 409, Level = LogLevel.Information, Message = "Discord accepts the bot token again: polling resumes")]
    public static partial void TokenAccepted(ILogger logger);

    [LoggerMessage(EventId = 402, Level = LogLevel.Warning, Message = "Poll failed, the next one continues from where this one stopped: {Reason}")]
    public static partial void PollFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 403, Level = LogLevel.Warning, Message = "Channel {Name} ({Id}) cannot be read ({Reason}): skipped until Discord lets us")]
    public static partial void ChannelUnreadable(ILogger logger, string name, ulong id, string reason);

    [LoggerMessage(EventId = 404, Level = LogLevel.Information, Message = "Refresh of {From:u} to {To:u}: {Channels} channels read, {Updated} messages updated, {Deleted} deleted")]
    public static partial void RefreshCompleted(ILogger logger, DateTimeOffset from, DateTimeOffset to, int channels, int updated, int deleted);

    [LoggerMessage(EventId = 405, Level = LogLevel.Warning, Message = "Refresh of the stored messages failed: {Reason}")]
    public static partial void RefreshFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 406, Level = LogLevel.Warning, Message = "The {Count} members' messages read had no content at all: Discord withholds it without the Message Content intent (Developer Portal, Bot page)")]
    public static partial void MessageContentWithheld(ILogger logger, int count);

    [LoggerMessage(EventId = 407, Level = LogLevel.Warning, Message = "Channel {Name} ({Id}) could not be read in this poll ({Reason}); the other channels go on, and the next poll tries it again")]
    public static partial void ChannelReadFailed(ILogger logger, string name, ulong id, string reason);

    [LoggerMessage(EventId = 410, Level = LogLevel.Warning, Message = "Audience: {Problem}")]
    public static partial void AudienceProblem(ILogger logger, string problem);
}
