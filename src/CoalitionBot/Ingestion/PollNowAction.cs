using CoalitionBot.Localization;

using CoalitionBot.Operations;

namespace CoalitionBot.Ingestion;

/// "Collecter maintenant" on the admin page.
internal sealed class PollNowAction(Poller poller) : IAdminAction
{
    public string Key => "poll";

    public string Label(Language language) => language == Language.English ? "Collect now" : "Collecter maintenant";

    public async Task<string> ExecuteAsync(string? input, Language language, CancellationToken cancellationToken)
    {
        var summary = await poller.PollNowAsync(cancellationToken);
        var english = language == Language.English;
        return summary.Outcome switch
        {
            PollOutcomes.Completed => english
                ? $"Poll done: {summary.MessagesStored} messages stored from {summary.ChannelsRead} channels."
                : $"Collecte faite : {summary.MessagesStored} messages enregistrés, {summary.ChannelsRead} salons lus.",
            PollOutcomes.Off => english ? "Polling is off: Discord:BotToken and Discord:GuildId are needed." : "La collecte est arrêtée : Discord:BotToken et Discord:GuildId sont nécessaires.",
            PollOutcomes.Stopped => english
                ? "Discord still rejects the bot token (401). If it was revoked or regenerated, set a valid Discord:BotToken and restart."
                : "Discord refuse toujours le jeton du bot (401). S'il a été révoqué ou régénéré, réglez un Discord:BotToken valable et redémarrez.",
            _ => english ? $"The poll failed: {summary.Error}" : $"La collecte a échoué : {summary.Error}",
        };
    }
}
