namespace CoalitionBot.Summarization;

internal static partial class Log
{
    [LoggerMessage(EventId = 1400, Level = LogLevel.Warning, Message = "Summarization:Endpoint {Host} is not on this machine nor on a private network: the day's messages would leave the association's machines")]
    public static partial void EndpointNotLocal(ILogger logger, string host);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Abstract of {Period} written by {Model} in {Seconds} s ({Lines} messages shown, {Citations} cited)")]
    public static partial void AbstractWritten(ILogger logger, string period, string model, double seconds, int lines, int citations);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "Abstract of {Period} left out: {Reason}; the digest goes without it")]
    public static partial void AbstractFailed(ILogger logger, string period, string reason);
}
