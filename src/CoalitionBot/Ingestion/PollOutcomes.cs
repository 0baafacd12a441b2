namespace CoalitionBot.Ingestion;

internal static class PollOutcomes
{
    public const string Completed = "completed";
    public const string Off = "off";
    public const string Stopped = "stopped";
    public const string Failed = "failed";
}
