namespace CoalitionBot.Storage;

/// Small settings documents kept in LiteDB (feature switches).
internal sealed class SettingsStore(Database database)
{
    private const string CollectionName = "settings";
    private const string SwitchesId = "switches";

    public FeatureSwitches Switches() =>
        Settings().FindById(SwitchesId)?.Switches ?? new FeatureSwitches();

    public FeatureSwitches Update(Func<FeatureSwitches, FeatureSwitches> change)
    {
        var updated = change(Switches());
        Settings().Upsert(new SettingsDocument { Id = SwitchesId, Switches = updated });
        return updated;
    }

    private LiteDB.ILiteCollection<SettingsDocument> Settings() => database.Collection<SettingsDocument>(CollectionName);

    private sealed class SettingsDocument
    {
        public string Id { get; set; } = "";

        public FeatureSwitches Switches { get; set; } = new();
    }
}
