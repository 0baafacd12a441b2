using CoalitionBot.Discord.Models;
using CoalitionBot.Storage;

namespace CoalitionBot.Interactions.Commands;

/// /include channel: brings an excluded channel back, with autocomplete over the excluded ones.
internal sealed class IncludeCommand(ChannelListStore lists, ILogger<IncludeCommand> logger) : ISlashCommand
{
    public const int MaxChoices = 25;
    private const int MaxChoiceName = 100;

    public string Name => CommandCatalog.Include;

    public ValueTask<CommandReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var texts = context.Texts;
        if (context.RefuseUnlessModerator(logger, Name) is { } refusal)
        {
            return ValueTask.FromResult(refusal);
        }

        var typed = context.StringOption(CommandCatalog.ChannelOption)?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return ValueTask.FromResult(CommandReply.Private(texts.MissingChannelOption));
        }

        // Autocomplete only suggests; the member may still send any text, so resolve it ourselves.
        var entry = FindEntry(typed);
        if (entry?.ChannelId is not { } channelId)
        {
            return ValueTask.FromResult(CommandReply.Private(texts.Format(texts.UnknownExcludedChannelFormat, ChannelLabels.Escape(typed))));
        }

        var changed = lists.SetExcluded(channelId, entry.Name, excluded: false, context.Actor);
        if (changed)
        {
            Log.ChannelListChanged(logger, channelId, entry.Label, "included", context.Actor.Name);
        }

        var label = ChannelLabels.Escape(entry.Label);
        return ValueTask.FromResult(CommandReply.Private(texts.Format(changed ? texts.IncludedFormat : texts.NotExcludedFormat, label)));
    }

    public ValueTask<IReadOnlyList<CommandChoice>> AutocompleteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var typed = ChannelListStore.Fold((context.FocusedOption?.Value?.ToString() ?? "").Trim().TrimStart('#'));
        IReadOnlyList<CommandChoice> choices = lists.Excluded()
            .Where(e => e.ChannelId is not null)
            .Where(e => typed.Length == 0 || ChannelListStore.Fold(e.Label).Contains(typed, StringComparison.Ordinal))
            .Take(MaxChoices)
            .Select(e => new CommandChoice(Truncate("#" + e.Label), e.ChannelId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        return ValueTask.FromResult(choices);
    }

    private ChannelListEntry? FindEntry(string typed)
    {
        if (ulong.TryParse(typed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return lists.Find(id) ?? new ChannelListEntry { ChannelId = id };
        }

        var folded = ChannelListStore.Fold(typed.TrimStart('#'));
        return lists.Excluded().FirstOrDefault(e => ChannelListStore.Fold(e.Label) == folded);
    }

    private static string Truncate(string name) => name.Length <= MaxChoiceName ? name : name[..(MaxChoiceName - 1)] + "…";
}
