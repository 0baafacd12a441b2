namespace CoalitionBot.Monitoring;

internal sealed class MonitoringOptions
{
    public const string SectionName = "Monitoring";

    public string? PushUrl { get; set; }
}
