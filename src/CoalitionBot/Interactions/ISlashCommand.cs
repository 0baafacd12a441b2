using CoalitionBot.Discord.Models;

namespace CoalitionBot.Interactions;

/// A slash command handler. Its definition lives in <see cref="CommandCatalog"/>.
internal interface ISlashCommand
{
    string Name { get; }

    /// How soon one member may run it again; null: as often as they like.
    TimeSpan? Cooldown => null;

    ValueTask<CommandReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<CommandChoice>> AutocompleteAsync(CommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<CommandChoice>>([]);
}
