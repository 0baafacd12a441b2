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
        if (context.RefuseUnlessModerator(logger, Name) is { } refusal)
        {
            return ValueTask.FromResult(refusal);
        }

        if (context.DigestibleChannel(CommandCatalog.ChannelOption, out var channelId, out var resolved) is { } noChannel)
        {
            return ValueTask.FromResult(noChannel);
        }

        var name = resolved?.Name ?? lists.Find(channelId)?.Name;
        var changed = lists.SetExcluded(channelId, name, excluded: true, context.Actor);
        if (changed)
        {
            Log.ChannelListChanged(logger, channelId, name ?? "?", "excluded", context.Actor.Name);
        }

        var label = ChannelLabels.Escape(name ?? channelId.ToString(texts.Culture));
        return ValueTask.FromResult(CommandReply.Private(texts.Format(changed ? texts.ExcludedFormat : texts.AlreadyExcludedFormat, label)));
    }
}
