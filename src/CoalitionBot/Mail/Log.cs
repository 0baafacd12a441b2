namespace CoalitionBot.Mail;

internal static partial class Log
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Mail {MessageId} sent through {Transport}: {Response}")]
    public static partial void MailSent(ILogger logger, string? messageId, string transport, string response);

    [LoggerMessage(EventId = 701, Level = LogLevel.Information, Message = "Mail {MessageId} written to {Path}")]
    public static partial void MailWritten(ILogger logger, string? messageId, string path);

}
