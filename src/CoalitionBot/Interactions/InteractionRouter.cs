using CoalitionBot.Discord;
using CoalitionBot.Discord.Models;
using CoalitionBot.Localization;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Interactions;

/// What to answer Discord now, and the slow work (if any) that edits the answer afterwards.
internal sealed record RoutedInteraction(InteractionResponse Response, DeferredWork? Deferred = null);

/// Sends a verified interaction to its command, and turns every refusal or failure into a
/// message the member can read. Nothing thrown here reaches ASP.NET Core.
internal sealed class InteractionRouter
{
    private static readonly InteractionResponse Pong = new(InteractionCallbackType.Pong);
    private static readonly InteractionResponse NoChoices = Choices([]);

    private readonly Dictionary<string, ISlashCommand> commands;
    private readonly IOptions<DiscordOptions> discord;
    private readonly Language defaultLanguage;
    private readonly MemberCooldowns cooldowns;
    private readonly DeferredResponses deferred;
    private readonly ILogger<InteractionRouter> logger;

    public InteractionRouter(
        IEnumerable<ISlashCommand> commands,
        IOptions<DiscordOptions> discord,
        IOptions<LocaleOptions> locale,
        MemberCooldowns cooldowns,
        DeferredResponses deferred,
        ILogger<InteractionRouter> logger)
    {
        this.commands = commands.ToDictionary(c => c.Name, StringComparer.Ordinal);
        this.discord = discord;
        this.cooldowns = cooldowns;
        this.deferred = deferred;
        this.logger = logger;
        defaultLanguage = locale.Value.GetLanguage();
    }

    public async ValueTask<RoutedInteraction> RouteAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (interaction.Type == InteractionType.Ping)
        {
            return new RoutedInteraction(Pong);
        }

        var texts = InteractionTexts.For(Languages.FromLocale(interaction.Locale, defaultLanguage));
        var isAutocomplete = interaction.Type == InteractionType.ApplicationCommandAutocomplete;
        if (interaction.Type is not (InteractionType.ApplicationCommand or InteractionType.ApplicationCommandAutocomplete))
        {
            Log.UnsupportedInteraction(logger, (int)interaction.Type);
            return Reply(texts.UnsupportedInteraction);
        }

        if (discord.Value.GuildSnowflake is not { } guildId)
        {
            Log.GuildNotConfigured(logger);
            return isAutocomplete ? new RoutedInteraction(NoChoices) : Reply(texts.GuildNotConfigured);
        }

        if (interaction.GuildId != guildId)
        {
            Log.OtherGuildRefused(logger, interaction.GuildId ?? 0);
            return isAutocomplete ? new RoutedInteraction(NoChoices) : Reply(texts.OtherGuild);
        }

        var name = interaction.Data?.Name ?? "";
        if (!commands.TryGetValue(name, out var command))
        {
            Log.UnknownCommand(logger, name);
            return isAutocomplete ? new RoutedInteraction(NoChoices) : Reply(texts.UnknownCommand);
        }

        var context = new CommandContext(interaction, guildId, texts);
        try
        {
            if (isAutocomplete)
            {
                return new RoutedInteraction(Choices(await command.AutocompleteAsync(context, cancellationToken)));
            }

            Log.CommandReceived(logger, name, context.Actor.Name);
            if (command.Cooldown is { } cooldown && context.Actor.Id is { } member && cooldowns.Enter(member, name, cooldown) is { } left)
            {
                Log.CooledDown(logger, name, context.Actor.Name);
                return Reply(texts.Format(texts.CooldownFormat, (int)Math.Ceiling(left.TotalSeconds)));
            }

            var reply = await command.ExecuteAsync(context, cancellationToken);
            if (reply.Deferred is not null && !deferred.HasRoom)
            {
                // Better a polite "try again" now than a "thinking…" that is never answered.
                Log.DeferredQueueBusy(logger, name, deferred.Waiting);
                return Reply(texts.Busy);
            }

            if (reply.Deferred is { } work && interaction.Token is { } token)
            {
                var flags = reply.Ephemeral ? CommandReply.EphemeralFlag : (int?)null;
                var deferred = new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource, new InteractionCallbackData(Flags: flags));
                return new RoutedInteraction(deferred, new DeferredWork(interaction.ApplicationId, token, name, work, texts, reply.Ephemeral));
            }

            return new RoutedInteraction(new InteractionResponse(
                InteractionCallbackType.ChannelMessageWithSource,
                reply.Immediate ?? CommandReply.Message(texts.SomethingWentWrong, ephemeral: true)));
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.CommandFailed(logger, exception, name);
            return isAutocomplete ? new RoutedInteraction(NoChoices) : Reply(texts.SomethingWentWrong);
        }
    }

    private static RoutedInteraction Reply(string content) =>
        new(new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, CommandReply.Message(content, ephemeral: true)));

    private static InteractionResponse Choices(IReadOnlyList<CommandChoice> choices) =>
        new(InteractionCallbackType.ApplicationCommandAutocompleteResult, new InteractionCallbackData(Choices: choices));
}
