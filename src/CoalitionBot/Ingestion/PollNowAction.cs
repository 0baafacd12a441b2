using CoalitionBot.Admin;
using CoalitionBot.Localization;

namespace CoalitionBot.Ingestion;

/// "Collecter maintenant" on the admin page.
internal sealed class PollNowAction(Poller poller) : IAdminAction
{
    public string Key => "poll";

    public string Label(Language language) => language == Language.English ? "Collect now" : "Collecter maintenant";

    public async Task<string> ExecuteAsync(string? input, Language language, CancellationToken cancellationToken)
    {
        var summary = await poller.PollAsync(cancellationToken);
        return language == Language.English
            ? $"Poll done: {summary.MessagesStored} messages stored from {summary.ChannelsRead} channels ({summary.Outcome})."
            : $"Collecte faite : {summary.MessagesStored} messages enregistrés, {summary.ChannelsRead} salons lus ({summary.Outcome}).";
    }
}
