using System.Text.Json;
using CoalitionBot.Storage;

namespace CoalitionBot.Interactions.Commands;

/// /important [channel] [remove]: marks a channel important (mailed even where the digest's
/// audience cannot see it), or removes the mark; without a channel, the one where it is typed.
/// Manage Server only, checked on every call.
internal sealed class ImportantCommand(ChannelListStore lists, ILogger<ImportantCommand> logger) : ISlashCommand
{
    public string Name => CommandCatalog.Important;

    public ValueTask<CommandReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var texts = context.Texts;
        if (context.ModeratorChannel(logger, Name, lists, out var channelId, out var name) is { } refusal)
        {
            return ValueTask.FromResult(refusal);
        }

        var important = context.Option(CommandCatalog.RemoveOption)?.Value is not { ValueKind: JsonValueKind.True };
        var changed = lists.SetImportant(channelId, name, important, context.Actor);
        if (changed)
        {
            Log.ChannelListChanged(logger, channelId, name ?? "?", important ? "marked important" : "no longer important", context.Actor.Name);
        }

        var label = ChannelLabels.Escape(name ?? channelId.ToString(texts.Culture));
        var format = (important, changed) switch
        {
            (true, true) => texts.ImportantFormat,
            (true, false) => texts.AlreadyImportantFormat,
            (false, true) => texts.UnimportantFormat,
            (false, false) => texts.NotImportantFormat,
        };
        return ValueTask.FromResult(CommandReply.Private(texts.Format(format, label)));
    }
}
