using System.Globalization;
using CoalitionBot.Localization;

using CoalitionBot.Operations;

namespace CoalitionBot.Ingestion;

/// "Collecter maintenant" on the admin page.
internal sealed class PollNowAction(Poller poller) : IAdminAction
{
    public string Key => "poll";

    public string Label(Language language) => PollNowTexts.For(language).Label;

    public bool RunsInBackground => true;

    public async Task<string> ExecuteAsync(string? input, Language language, CancellationToken cancellationToken) =>
        (await RunAsync(input, language, cancellationToken)).Message;

    public async Task<AdminActionResult> RunAsync(string? input, Language language, CancellationToken cancellationToken)
    {
        var summary = await poller.PollNowAsync(cancellationToken);
        return Describe(summary, language);
    }

    /// What a poll came to, as a sentence and whether it failed (the page's answer, and the audit trail's detail).
    public static AdminActionResult Describe(PollSummary summary, Language language)
    {
        var texts = PollNowTexts.For(language);
        return summary.Outcome switch
        {
            PollOutcomes.Completed => new(string.Format(CultureInfo.InvariantCulture, texts.DoneFormat, summary.MessagesStored, summary.ChannelsRead), Failed: false),
            PollOutcomes.Off => new(texts.Off, Failed: true),
            PollOutcomes.Stopped => new(texts.Stopped, Failed: true),
            _ => new(texts.Failed + summary.Error, Failed: true),
        };
    }
}

/// What the poll action says, in French and English.
internal sealed record PollNowTexts(string Label, string DoneFormat, string Off, string Stopped, string Failed)
{
    public static PollNowTexts French { get; } = new(
        "Collecter maintenant",
        "Collecte faite : {0} messages enregistrés, {1} salons lus.",
        "La collecte est arrêtée : Discord:BotToken et Discord:GuildId sont nécessaires.",
        "Discord refuse toujours le jeton du bot (401). S'il a été révoqué ou régénéré, réglez un Discord:BotToken valable et redémarrez.",
        "La collecte a échoué : ");

    public static PollNowTexts English { get; } = new(
        "Collect now",
        "Poll done: {0} messages stored from {1} channels.",
        "Polling is off: Discord:BotToken and Discord:GuildId are needed.",
        "Discord still rejects the bot token (401). If it was revoked or regenerated, set a valid Discord:BotToken and restart.",
        "The poll failed: ");

    public static PollNowTexts For(Language language) => language == Language.English ? English : French;
}
