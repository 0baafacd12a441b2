namespace CoalitionBot.Digest;

internal static partial class Log
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Digest of {Day} sent ({Messages} messages) through {Transport}")]
    public static partial void DigestSent(ILogger logger, string day, int messages, string transport);

    [LoggerMessage(EventId = 601, Level = LogLevel.Information, Message = "Digest of {Day}: no messages, nothing mailed")]
    public static partial void EmptyDay(ILogger logger, string day);

    [LoggerMessage(EventId = 602, Level = LogLevel.Warning, Message = "Digest of {Day} not sent (attempt {Attempts}): {Reason}; it stays pending and will be retried")]
    public static partial void SendFailed(ILogger logger, string day, int attempts, string reason);

    [LoggerMessage(EventId = 603, Level = LogLevel.Warning, Message = "Digest of {Day}: Digest:To is not set, nothing mailed")]
    public static partial void NotAddressed(ILogger logger, string day);

    [LoggerMessage(EventId = 604, Level = LogLevel.Warning, Message = "Digest of {Day} waits for Discord: {Reason}; it stays pending and goes out as soon as a poll has read the whole day")]
    public static partial void Waiting(ILogger logger, string day, string reason);

    [LoggerMessage(EventId = 605, Level = LogLevel.Error, Message = "Digest run failed: {Reason}")]
    public static partial void RunFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 610, Level = LogLevel.Information, Message = "Test copy of the digest of {Day} sent from the admin page")]
    public static partial void TestMailSent(ILogger logger, string day);

    [LoggerMessage(EventId = 611, Level = LogLevel.Warning, Message = "Test copy of the digest could not be sent: {Reason}")]
    public static partial void TestMailFailed(ILogger logger, string reason);
}
