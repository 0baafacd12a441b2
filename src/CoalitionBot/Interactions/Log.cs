namespace CoalitionBot.Interactions;

internal static partial class Log
{
    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Interaction refused with 400: the signed body is not a Discord interaction ({Reason})")]
    public static partial void MalformedInteraction(ILogger logger, string reason);

    [LoggerMessage(EventId = 110, Level = LogLevel.Debug, Message = "Command /{Command} from {Member}")]
    public static partial void CommandReceived(ILogger logger, string command, string member);

    [LoggerMessage(EventId = 111, Level = LogLevel.Warning, Message = "Unknown command /{Command}: answered with a message (register the commands again?)")]
    public static partial void UnknownCommand(ILogger logger, string command);

    [LoggerMessage(EventId = 112, Level = LogLevel.Warning, Message = "Interaction of type {Type} is not supported: answered with a message")]
    public static partial void UnsupportedInteraction(ILogger logger, int type);

    [LoggerMessage(EventId = 113, Level = LogLevel.Warning, Message = "Interaction from server {GuildId} refused: this instance serves Discord:GuildId only")]
    public static partial void OtherGuildRefused(ILogger logger, ulong guildId);

    [LoggerMessage(EventId = 114, Level = LogLevel.Warning, Message = "Interaction refused: Discord:GuildId is not configured")]
    public static partial void GuildNotConfigured(ILogger logger);

    [LoggerMessage(EventId = 115, Level = LogLevel.Error, Message = "Command /{Command} failed; the member was told something went wrong")]
    public static partial void CommandFailed(ILogger logger, Exception exception, string command);

    [LoggerMessage(EventId = 116, Level = LogLevel.Information, Message = "/{Command} refused to {Member}: Manage Server permission missing")]
    public static partial void PermissionRefused(ILogger logger, string command, string member);

    [LoggerMessage(EventId = 117, Level = LogLevel.Information, Message = "Channel {ChannelId} (#{Name}) {Change} by {Member}")]
    public static partial void ChannelListChanged(ILogger logger, ulong channelId, string name, string change, string member);

    [LoggerMessage(EventId = 125, Level = LogLevel.Information, Message = "Digest audience set to {Role} ({Reference}) by {Member}")]
    public static partial void AudienceChanged(ILogger logger, string role, string reference, string member);

    [LoggerMessage(EventId = 120, Level = LogLevel.Warning, Message = "The deferred answer of /{Command} could not be delivered: {Reason}")]
    public static partial void EditFailed(ILogger logger, string command, string reason);

    [LoggerMessage(EventId = 121, Level = LogLevel.Warning, Message = "Too many deferred commands waiting; the oldest answer of /{Command} was dropped")]
    public static partial void DeferredQueueFull(ILogger logger, string command);

    [LoggerMessage(EventId = 122, Level = LogLevel.Warning, Message = "/{Command} answered \"try again in a minute\": {Waiting} deferred commands are already waiting")]
    public static partial void DeferredQueueBusy(ILogger logger, string command, int waiting);

    [LoggerMessage(EventId = 123, Level = LogLevel.Debug, Message = "/{Command} from {Member} answered with its cooldown: asked again too soon")]
    public static partial void CooledDown(ILogger logger, string command, string member);

    [LoggerMessage(EventId = 124, Level = LogLevel.Warning, Message = "The deferred answer of /{Command} waited past the interaction's lifetime in the queue and was dropped")]
    public static partial void DeferredExpired(ILogger logger, string command);

    [LoggerMessage(EventId = 130, Level = LogLevel.Information, Message = "{Count} commands registered on server {GuildId}")]
    public static partial void CommandsRegistered(ILogger logger, int count, ulong guildId);

    [LoggerMessage(EventId = 131, Level = LogLevel.Error, Message = "Commands not registered: {Reason}")]
    public static partial void RegistrationFailed(ILogger logger, string reason);
}
