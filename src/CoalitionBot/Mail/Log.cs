namespace CoalitionBot.Mail;

internal static partial class Log
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Mail {MessageId} sent through {Transport}: {Response}")]
    public static partial void MailSent(ILogger logger, string? messageId, string transport, string response);

    [LoggerMessage(EventId = 701, Level = LogLevel.Information, Message = "Mail {MessageId} written to {Path}")]
    public static partial void MailWritten(ILogger logger, string? messageId, string path);

    [LoggerMessage(EventId = 702, Level = LogLevel.Warning, Message = "Mail {MessageId} was accepted by the SMTP server, but closing the connection failed: {Reason} (the mail counts as sent)")]
    public static partial void DisconnectFailed(ILogger logger, string? messageId, string reason);

    [LoggerMessage(EventId = 703, Level = LogLevel.Information, Message = "Retention: {Count} outbox files older than {Cutoff:u} removed from {Folder}")]
    public static partial void OutboxPurged(ILogger logger, int count, DateTimeOffset cutoff, string folder);
}
