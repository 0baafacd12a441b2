using System.Text;
using CoalitionBot.Digest;
using CoalitionBot.Discord;
using CoalitionBot.Discord.Models;
using CoalitionBot.Localization;
using CoalitionBot.Operations;
using CoalitionBot.Storage;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Interactions.Commands;

/// /channels: for each channel, whether it is mailed and, if not, why (excluded by whom and when;
/// not visible to the digest's audience; the bot cannot read it), and which are important.
/// Moderators see every channel; other members only those the audience sees, so a private
/// channel's name never reaches them.
internal sealed class ChannelsCommand(ChannelListStore lists, GuildChannelCache cache, ChannelStore stored, DigestAudience audience, IOptions<LocaleOptions> locale) : ISlashCommand
{
    /// Four sections and two notes must fit Discord's 2,000 characters.
    private const int SectionBudget = 480;

    public string Name => CommandCatalog.Channels;

    public ValueTask<CommandReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var moderator = context.CanManageServer;
        if (cache.Fresh is not null || !cache.CanFetch)
        {
            return ValueTask.FromResult(CommandReply.Private(Render(cache.Fresh ?? stored.AsServerList(), context.Texts, moderator)));
        }

        // Asking Discord may take longer than the 3 seconds an answer has: answer "thinking…" first.
        return ValueTask.FromResult(CommandReply.Later(async token => CommandReply.Edit(Render(await cache.GetAsync(token) ?? stored.AsServerList(), context.Texts, moderator))));
    }

    public string Render(IReadOnlyList<Channel>? channels, InteractionTexts texts, bool moderator)
    {
        if (channels is not null)
        {
            lists.Reconcile(channels.Where(c => c.Name is not null).Select(c => (c.Id, c.Name!)));
        }

        // One read of the lists and of the stored channels per answer.
        var entries = lists.All().Where(e => e.ChannelId is not null).GroupBy(e => e.ChannelId!.Value).ToDictionary(g => g.Key, g => g.First());
        var known = stored.All().ToDictionary(c => c.Id);
        var view = audience.Current();
        var zone = locale.Value.GetZone();
        var byId = (channels ?? []).ToDictionary(c => c.Id);
        List<string> mailed = [];
        List<string> leftOut = [];
        var shown = new HashSet<ulong>();
        foreach (var channel in InServerOrder(channels ?? []).Where(c => ChannelTypes.IsDigestible(c.Type)))
        {
            var visible = channel.PermissionOverwrites is null && known.TryGetValue(channel.Id, out var seen) ? seen.AudienceCanView : view.CanView(channel, byId);
            if (!moderator && !visible)
            {
                continue;
            }

            shown.Add(channel.Id);
            var entry = entries.GetValueOrDefault(channel.Id);
            var excluded = entry is { Excluded: true } ? entry : channel.ParentId is { } parent && entries.GetValueOrDefault(parent) is { Excluded: true } category ? category : null;
            var label = "#" + ChannelLabels.Escape(channel.Name ?? "?");
            var reason = true switch
            {
                _ when excluded is not null => Excluded(excluded, texts, zone),
                _ when known.GetValueOrDefault(channel.Id)?.Unreadable is { } refused => texts.Format(texts.UnreadableReasonFormat, refused),
                _ when !visible && entry is not { Important: true } => texts.Format(texts.HiddenReasonFormat, ChannelLabels.Escape(view.Label)),
                _ => null,
            };
            if (reason is null)
            {
                mailed.Add(label);
            }
            else
            {
                leftOut.Add($"{label} ({reason})");
            }
        }

        // Excluded channels the server list does not show (no token yet, or gone): the lists still hold them.
        if (moderator || channels is null)
        {
            leftOut.AddRange(entries.Values
                .Where(e => e.Excluded && !shown.Contains(e.ChannelId!.Value) && !byId.ContainsKey(e.ChannelId!.Value)
                    && (moderator || known.GetValueOrDefault(e.ChannelId!.Value)?.AudienceCanView == true))
                .OrderBy(e => e.Label, StringComparer.CurrentCultureIgnoreCase)
                .Select(e => $"#{ChannelLabels.Escape(e.Label)} ({Excluded(e, texts, zone)})"));
        }

        var important = entries.Values
            .Where(e => e.Important && (moderator || shown.Contains(e.ChannelId!.Value)))
            .OrderBy(e => e.Label, StringComparer.CurrentCultureIgnoreCase)
            .Select(e => "#" + ChannelLabels.Escape(e.Label))
            .ToList();
        var builder = new StringBuilder();
        builder.Append("**").Append(texts.AudienceHeading).Append("**").Append(texts.Colon).Append(ChannelLabels.Escape(view.Label)).Append('\n');
        if (channels is not null)
        {
            AppendSection(builder, texts.MonitoredHeading, mailed, texts);
        }

        AppendSection(builder, texts.ExcludedHeading, leftOut, texts);
        AppendSection(builder, texts.ImportantHeading, important, texts);
        if (channels is null)
        {
            builder.Append(texts.NamesUnavailable).Append('\n');
        }

        if (!moderator)
        {
            builder.Append(texts.Format(texts.HiddenChannelsNoteFormat, ChannelLabels.Escape(view.Label))).Append('\n');
        }
        else if (audience.Problem() is { } problem)
        {
            builder.Append("⚠ ").Append(ChannelLabels.Escape(problem(HealthTexts.For(texts.Language)))).Append('\n');
        }

        return builder.ToString().TrimEnd();
    }

    private static string Excluded(ChannelListEntry entry, InteractionTexts texts, TimeZoneInfo zone) =>
        texts.Format(texts.ChangedByFormat, ChannelLabels.Escape(texts.Who(entry.ChangedById, entry.ChangedBy)), TimeZoneInfo.ConvertTime(entry.ChangedAt, zone));

    private static IEnumerable<Channel> InServerOrder(IReadOnlyList<Channel> channels)
    {
        var categories = channels.Where(c => c.Type == ChannelTypes.GuildCategory).ToDictionary(c => c.Id, c => c.Position ?? 0);
        return channels
            .OrderBy(c => c.ParentId is { } parent && categories.TryGetValue(parent, out var position) ? position : -1)
            .ThenBy(c => c.Position ?? 0)
            .ThenBy(c => c.Id);
    }

    private static void AppendSection(StringBuilder builder, string heading, List<string> labels, InteractionTexts texts) =>
        builder.Append("**").Append(heading).Append(" (").Append(labels.Count).Append(")**").Append(texts.Colon)
            .Append(ChannelLabels.Join(labels, texts, SectionBudget)).Append('\n');
}
