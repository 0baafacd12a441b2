namespace CoalitionBot.Storage;

internal sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public string Path { get; set; } = "data/coalitionbot.db";

    public int RetentionDays { get; set; } = 30;
}
