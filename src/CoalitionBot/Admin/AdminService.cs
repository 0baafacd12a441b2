using System.Globalization;
using System.Text.Json.Nodes;
using CoalitionBot.Discord;
using CoalitionBot.Discord.Models;
using CoalitionBot.Health;
using CoalitionBot.Security;
using CoalitionBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoalitionBot.Admin;

/// What the admin API and page both do: read the status, change the channel lists and switches.
internal sealed class AdminService(
    ChannelListStore lists,
    GuildChannelCache channels,
    ChannelStore stored,
    SettingsStore settings,
    HealthCheckService health,
    FeatureStates features,
    ProcessStart start,
    TimeProvider time,
    IEnumerable<IStatusSection> sections,
    Refusals refusals,
    ILogger<AdminService> logger)
{
    public static readonly Actor AdminActor = new(null, "admin");

    public async Task<StatusView> StatusAsync(CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var now = time.GetUtcNow();
        return new StatusView(
            DiscordExtensions.Version,
            start.At,
            Math.Round((now - start.At).TotalSeconds),
            report.Status == HealthStatus.Unhealthy ? "unhealthy" : "healthy",
            report.Entries.ToDictionary(e => e.Key, e => $"{e.Value.Status.ToString().ToLowerInvariant()}: {e.Value.Description}"),
            report.Entries.ToDictionary(e => e.Key, e => $"{FrenchStatus(e.Value.Status)} : {HealthText.French(e.Value)}"),
            features.Compute(),
            ReadSwitches(),
            sections.ToDictionary(s => s.Name, Describe),
            refusals.Counts());
    }

    // The status is where an operator looks when something is broken (the database, say): a part
    // that cannot be read says why, and the rest of the answer still comes.
    private FeatureSwitches? ReadSwitches()
    {
        try
        {
            return settings.Switches();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.StatusPartFailed(logger, "switches", exception.GetType().Name, UnhandledExceptions.OneLine(exception.Message));
            return null;
        }
    }

    private JsonNode? Describe(IStatusSection section)
    {
        try
        {
            return section.Describe();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var reason = UnhandledExceptions.OneLine(exception.Message);
            Log.StatusPartFailed(logger, section.Name, exception.GetType().Name, reason);
            return new JsonObject { ["error"] = reason };
        }
    }

    private static string FrenchStatus(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "ok",
        HealthStatus.Degraded => "dégradé",
        _ => "en panne",
    };

    public async Task<ChannelLists> ChannelsAsync(CancellationToken cancellationToken)
    {
        // Discord's list, else the one ingestion keeps (no token, or Discord not answering).
        var server = await channels.GetAsync(cancellationToken) ?? stored.AsServerList();
        if (server is not null)
        {
            lists.Reconcile(server.Where(c => c.Name is not null).Select(c => (c.Id, c.Name!)));
        }

        var entries = lists.All().Where(e => e.ChannelId is not null).ToDictionary(e => e.ChannelId!.Value);
        var views = new List<ChannelView>();
        foreach (var channel in (server ?? []).Where(c => ChannelTypes.IsDigestible(c.Type)).OrderBy(c => c.Position ?? 0))
        {
            entries.Remove(channel.Id, out var entry);
            views.Add(View(channel.Id, channel.Name ?? "?", entry));
        }

        // Channels the server list does not show (unknown to the token, or no token): the lists still hold them.
        views.AddRange(entries.Values.Select(e => View(e.ChannelId!.Value, e.Label, e)));
        return new ChannelLists(views, server is not null);
    }

    public bool SetExcluded(ulong channelId, bool excluded)
    {
        var changed = lists.SetExcluded(channelId, NameOf(channelId), excluded, AdminActor);
        Log.ChannelChanged(logger, channelId, excluded ? "excluded" : "included");
        return changed;
    }

    public bool SetImportant(ulong channelId, bool important)
    {
        var changed = lists.SetImportant(channelId, NameOf(channelId), important, AdminActor);
        Log.ChannelChanged(logger, channelId, important ? "marked important" : "no longer important");
        return changed;
    }

    public FeatureSwitches Switches() => settings.Switches();

    public FeatureSwitches UpdateSwitches(SwitchesChange change)
    {
        var updated = settings.Update(current => current with
        {
            DailyMail = change.DailyMail ?? current.DailyMail,
            WeeklySynthesis = change.WeeklySynthesis ?? current.WeeklySynthesis,
            Summaries = change.Summaries ?? current.Summaries,
            DailyMailOnSince = change.DailyMail == true && !current.DailyMail ? time.GetUtcNow() : current.DailyMailOnSince,
        });
        Log.SwitchesChanged(logger, updated.DailyMail, updated.WeeklySynthesis, updated.Summaries);
        return updated;
    }

    private string? NameOf(ulong channelId) =>
        channels.Fresh?.FirstOrDefault(c => c.Id == channelId)?.Name ?? lists.Find(channelId)?.Name;

    private static ChannelView View(ulong id, string name, ChannelListEntry? entry)
    {
        var excluded = entry?.Excluded ?? false;
        var important = entry?.Important ?? false;
        var state = excluded ? "excluded" : important ? "important" : "monitored";
        return new ChannelView(id.ToString(CultureInfo.InvariantCulture), name, state, excluded, important, entry?.ChangedBy, entry?.ChangedAt);
    }
}
