namespace CoalitionBot.Ingestion;

internal sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    public int BackfillDays { get; set; }
}
