namespace CoalitionBot.Storage;

/// Small settings documents kept in LiteDB (feature switches, the audience a moderator chose). Until a moderator changes them,
/// the switches follow the configuration (<see cref="SwitchDefaults"/>).
internal sealed class SettingsStore(Database database, Microsoft.Extensions.Options.IOptions<SwitchDefaults> defaults)
{
    private const string CollectionName = "settings";
    private const string SwitchesId = "switches";
    private const string AudienceId = "audience";

    public FeatureSwitches Switches() =>
        Settings().FindById(SwitchesId)?.Switches ?? new FeatureSwitches { WeeklySynthesis = defaults.Value.WeeklyDigest };

    public FeatureSwitches Update(Func<FeatureSwitches, FeatureSwitches> change)
    {
        var updated = change(Switches());
        Settings().Upsert(new SettingsDocument { Id = SwitchesId, Switches = updated });
        return updated;
    }

    /// The audience a moderator chose; null until one does (Digest:AudienceRole applies).
    public AudienceChoice? Audience() => Settings().FindById(AudienceId)?.Audience;

    public void SetAudience(AudienceChoice choice) => Settings().Upsert(new SettingsDocument { Id = AudienceId, Audience = choice });

    private LiteDB.ILiteCollection<SettingsDocument> Settings() => database.Collection<SettingsDocument>(CollectionName);

    private sealed class SettingsDocument
    {
        public string Id { get; set; } = "";

        public FeatureSwitches Switches { get; set; } = new();

        public AudienceChoice? Audience { get; set; }
    }
}
