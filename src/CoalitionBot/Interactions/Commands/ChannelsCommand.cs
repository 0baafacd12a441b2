using System.Text;
using CoalitionBot.Discord;
using CoalitionBot.Discord.Models;
using CoalitionBot.Localization;
using CoalitionBot.Storage;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Interactions.Commands;

/// /channels: which channels the digest follows, leaves out and highlights.
internal sealed class ChannelsCommand(ChannelListStore lists, GuildChannelCache cache, ChannelStore stored, IOptions<LocaleOptions> locale) : ISlashCommand
{
    /// Three sections and a note must fit Discord's 2,000 characters.
    private const int SectionBudget = 560;

    private RenderedAnswer? last;

    public string Name => CommandCatalog.Channels;

    public ValueTask<CommandReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (cache.Fresh is { } fresh || !cache.CanFetch)
        {
            return ValueTask.FromResult(CommandReply.Private(RenderOrReuse(cache.Fresh ?? stored.AsServerList(), context.Texts)));
        }

        // Asking Discord may take longer than the 3 seconds an answer has: answer "thinking…" first.
        return ValueTask.FromResult(CommandReply.Later(async token => CommandReply.Edit(RenderOrReuse(await cache.GetAsync(token) ?? stored.AsServerList(), context.Texts))));
    }

    /// The last answer again while its inputs are the same: the same channel list instance (the
    /// cache and the store keep one until it changes), the same lists version and the same language.
    private string RenderOrReuse(IReadOnlyList<Channel>? channels, InteractionTexts texts)
    {
        var version = lists.Version;
        if (last is { } answer && ReferenceEquals(answer.Channels, channels) && ReferenceEquals(answer.Texts, texts) && answer.ListsVersion == version)
        {
            return answer.Text;
        }

        var text = Render(channels, texts);
        // Kept only if nothing was written meanwhile (a name reconciled by Render, a concurrent
        // /exclude): the next call renders again and keeps that one.
        if (lists.Version == version)
        {
            last = new RenderedAnswer(channels, texts, version, text);
        }

        return text;
    }

    public string Render(IReadOnlyList<Channel>? channels, InteractionTexts texts)
    {
        if (channels is not null)
        {
            lists.Reconcile(channels.Where(c => c.Name is not null).Select(c => (c.Id, c.Name!)));
        }

        // One read of the lists per answer.
        var entries = lists.All();
        var excluded = entries.Where(e => e.Excluded).ToList();
        var important = entries.Where(e => e.Important).ToList();
        var builder = new StringBuilder();
        if (channels is not null)
        {
            var excludedIds = excluded.Select(e => e.ChannelId).ToHashSet();
            var monitored = InServerOrder(channels)
                .Where(c => ChannelTypes.IsDigestible(c.Type) && !excludedIds.Contains(c.Id))
                .Select(c => "#" + ChannelLabels.Escape(c.Name ?? "?"))
                .ToList();
            AppendSection(builder, texts.MonitoredHeading, monitored, texts);
        }

        var excludedLabels = excluded
            .Select(e => $"#{ChannelLabels.Escape(e.Label)} ({texts.Format(texts.ChangedByFormat, ChannelLabels.Escape(e.ChangedBy), TimeZoneInfo.ConvertTime(e.ChangedAt, locale.Value.GetZone()))})")
            .ToList();
        AppendSection(builder, texts.ExcludedHeading, excludedLabels, texts);
        AppendSection(builder, texts.ImportantHeading, important.Select(e => "#" + ChannelLabels.Escape(e.Label)).ToList(), texts);
        if (channels is null)
        {
            builder.Append(texts.NamesUnavailable);
        }

        return builder.ToString().TrimEnd();
    }

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

    private sealed record RenderedAnswer(IReadOnlyList<Channel>? Channels, InteractionTexts Texts, long ListsVersion, string Text);
}
