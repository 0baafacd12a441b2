namespace CoalitionBot.Admin;

internal sealed record ChannelView(string Id, string Name, string State, bool Excluded, bool Important, string? ChangedBy, DateTimeOffset? ChangedAt);

internal sealed record ChannelLists(IReadOnlyList<ChannelView> Channels, bool ServerListAvailable);

internal sealed record ImportantChange(bool Important = true);

internal sealed record SwitchesChange(bool? DailyMail = null, bool? WeeklySynthesis = null, bool? Summaries = null, bool? Abstracts = null);

internal sealed record StatusView(
    string Version,
    DateTimeOffset Started,
    double UptimeSeconds,
    string Health,
    IReadOnlyDictionary<string, string> Checks,
    IReadOnlyDictionary<string, string> FrenchChecks,
    IReadOnlyList<FeatureState> Features,
    Storage.FeatureSwitches? Switches,
    IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?> Sections,
    Security.RefusalCounts Refusals);
