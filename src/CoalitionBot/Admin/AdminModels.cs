using System.Text.Json.Serialization;
using CoalitionBot.Operations;

namespace CoalitionBot.Admin;

/// A channel as moderators see it; AudienceCanView false: the digest's audience cannot see it, so it
/// is mailed only when important.
internal sealed record ChannelView(string Id, string Name, string State, bool Excluded, bool Important, string? ChangedBy, DateTimeOffset? ChangedAt, bool AudienceCanView = true)
{
    /// Who changed it, as a Discord id; null for the token, an import, or no change.
    public string? ChangedById { get; init; }
}

/// The channels, and the audience's label ("@Membre") their AudienceCanView is about.
internal sealed record ChannelLists(IReadOnlyList<ChannelView> Channels, bool ServerListAvailable, string Audience = Digest.DigestAudience.Everyone);

internal sealed record ImportantChange(bool Important = true);

internal sealed record SwitchesChange(bool? DailyMail = null, bool? WeeklySynthesis = null, bool? Summaries = null, bool? Abstracts = null);

internal sealed record StatusView(
    string Version,
    DateTimeOffset Started,
    double UptimeSeconds,
    string Health,
    [property: JsonIgnore] IReadOnlyList<CheckState> CheckStates,
    IReadOnlyList<FeatureState> Features,
    Storage.FeatureSwitches? Switches,
    IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?> Sections,
    Security.RefusalCounts Refusals)
{
    public IReadOnlyDictionary<string, string> Checks => ChecksIn(HealthTexts.English);

    /// The admin API's status keeps its frenchChecks field.
    public IReadOnlyDictionary<string, string> FrenchChecks => ChecksIn(HealthTexts.French);

    /// Each health check's state and description in the texts' language.
    public IReadOnlyDictionary<string, string> ChecksIn(HealthTexts texts) => HealthText.Lines(CheckStates, texts);
}
