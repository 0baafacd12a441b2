using System.Globalization;
using CoalitionBot.Digest;
using CoalitionBot.Discord;
using CoalitionBot.Discord.Models;
using CoalitionBot.Storage;

namespace CoalitionBot.Admin;

/// The server's channels as moderators see them, and their changes to the excluded and important lists.
internal sealed class AdminChannels(ChannelListStore lists, GuildChannelCache channels, ChannelStore stored, DigestAudience audience, ILogger<AdminChannels> logger)
{
    public async Task<ChannelLists> ListAsync(CancellationToken cancellationToken)
    {
        // Discord's list, else the one ingestion keeps (no token, or Discord not answering).
        var server = await channels.GetAsync(cancellationToken) ?? stored.AsServerList();
        if (server is not null)
        {
            lists.Reconcile(server.Where(c => c.Name is not null).Select(c => (c.Id, c.Name!)));
        }

        var entries = lists.All().Where(e => e.ChannelId is not null).ToDictionary(e => e.ChannelId!.Value);
        var known = stored.All().ToDictionary(c => c.Id);
        var view = audience.Current();
        var byId = (server ?? []).ToDictionary(c => c.Id);
        var views = new List<ChannelView>();
        foreach (var channel in (server ?? []).Where(c => ChannelTypes.IsDigestible(c.Type)).OrderBy(c => c.Position ?? 0))
        {
            entries.Remove(channel.Id, out var entry);
            var visible = channel.PermissionOverwrites is null && known.TryGetValue(channel.Id, out var seen) ? seen.AudienceCanView : view.CanView(channel, byId);
            views.Add(View(channel.Id, channel.Name ?? "?", entry, visible));
        }

        // Channels the server list does not show (unknown to the token, or no token): the lists still hold them.
        views.AddRange(entries.Values.Select(e => View(e.ChannelId!.Value, e.Label, e, known.GetValueOrDefault(e.ChannelId!.Value)?.AudienceCanView ?? true)));
        return new ChannelLists(views, server is not null, view.Label);
    }

    public bool SetExcluded(ulong channelId, bool excluded, Actor who)
    {
        var changed = lists.SetExcluded(channelId, NameOf(channelId), excluded, who);
        Log.ChannelChanged(logger, channelId, excluded ? "excluded" : "included", who.Name);
        return changed;
    }

    public bool SetImportant(ulong channelId, bool important, Actor who)
    {
        var changed = lists.SetImportant(channelId, NameOf(channelId), important, who);
        Log.ChannelChanged(logger, channelId, important ? "marked important" : "no longer important", who.Name);
        return changed;
    }

    /// Discord's name for the channel, else the one ingestion last saw, else the lists' own (for the lists and the audit trail).
    private string? NameOf(ulong channelId) =>
        channels.Fresh?.FirstOrDefault(c => c.Id == channelId)?.Name ?? stored.Find(channelId)?.Name ?? lists.Find(channelId)?.Name;

    private static ChannelView View(ulong id, string name, ChannelListEntry? entry, bool visible)
    {
        var excluded = entry?.Excluded ?? false;
        var important = entry?.Important ?? false;
        var state = excluded ? "excluded" : important ? "important" : "monitored";
        return new ChannelView(id.ToString(CultureInfo.InvariantCulture), name, state, excluded, important, entry?.ChangedBy, entry?.ChangedAt, visible)
        {
            ChangedById = entry?.ChangedById?.ToString(CultureInfo.InvariantCulture),
        };
    }
}
