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

        if (context.ChannelOrCurrent(CommandCatalog.ChannelOption) is not var (channelId, resolved))
        {
            return ValueTask.FromResult(CommandReply.Private(texts.MissingChannelOption));
        }

        if (resolved is not null && !CommandCatalog.DigestibleChannelTypes.Contains(resolved.Type) && !Discord.Models.ChannelTypes.IsThread(resolved.Type))
        {
            return ValueTask.FromResult(CommandReply.Private(texts.NotDigestibleChannel));
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
