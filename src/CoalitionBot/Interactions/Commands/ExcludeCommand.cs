using CoalitionBot.Storage;

namespace CoalitionBot.Interactions.Commands;

/// /exclude [channel]: leaves a channel out of the digest; without one, the channel where it is
/// typed (as the first bot's !excludethis). Manage Server only.
internal sealed class ExcludeCommand(ChannelListStore lists, ILogger<ExcludeCommand> logger) : ISlashCommand
{
    public string Name => CommandCatalog.Exclude;

    public ValueTask<CommandReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var texts = context.Texts;
        if (context.ModeratorChannel(logger, Name, lists, out var channelId, out var name) is { } refusal)
        {
            return ValueTask.FromResult(refusal);
        }

        var changed = lists.SetExcluded(channelId, name, excluded: true, context.Actor);
        if (changed)
        {
            Log.ChannelListChanged(logger, channelId, name ?? "?", "excluded", context.Actor.Name);
        }

        var label = ChannelLabels.Escape(name ?? channelId.ToString(texts.Culture));
        return ValueTask.FromResult(CommandReply.Private(texts.Format(changed ? texts.ExcludedFormat : texts.AlreadyExcludedFormat, label)));
    }
}
