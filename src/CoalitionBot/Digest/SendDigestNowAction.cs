using System.Globalization;
using CoalitionBot.Localization;

using CoalitionBot.Operations;

namespace CoalitionBot.Digest;

/// "Envoyer le résumé maintenant": the last complete day's digest, once (a day already sent is not sent again).
internal sealed class SendDigestNowAction(DigestService digests) : IAdminAction
{
    public string Key => "send-digest";

    public string Label(Language language) => SendDigestNowTexts.For(language).Label;

    public bool RunsInBackground => true;

    public async Task<string> ExecuteAsync(string? input, Language language, CancellationToken cancellationToken) =>
        (await RunAsync(input, language, cancellationToken)).Message;

    public Task<AdminActionResult> RunAsync(string? input, Language language, CancellationToken cancellationToken) =>
        SendAsync(digests, digests.LastCompleteDay(), resend: false, language, cancellationToken);

    /// Sends (or resends) a day's digest and says what came of it; the admin page's resend uses it too.
    public static async Task<AdminActionResult> SendAsync(DigestService digests, DateOnly day, bool resend, Language language, CancellationToken cancellationToken) =>
        Describe(day, await digests.SendDayAsync(day, resend, cancellationToken), language);

    /// What a send of <paramref name="day"/> came to, as a sentence and whether it failed (the page's answer, and the audit trail's detail).
    public static AdminActionResult Describe(DateOnly day, DigestSendResult result, Language language)
    {
        var texts = SendDigestNowTexts.For(language);
        var format = result.Outcome switch
        {
            DigestOutcome.Sent => texts.SentFormat,
            DigestOutcome.AlreadySent => texts.AlreadySentFormat,
            DigestOutcome.Empty => texts.EmptyFormat,
            DigestOutcome.NotAddressed => texts.NotAddressed,
            DigestOutcome.Waiting => texts.WaitingFormat,
            DigestOutcome.NotCovered => texts.NotCoveredFormat,
            _ => texts.FailedFormat,
        };
        var failed = result.Outcome is DigestOutcome.Failed or DigestOutcome.NotAddressed or DigestOutcome.Waiting or DigestOutcome.NotCovered;
        return new(string.Format(CultureInfo.InvariantCulture, format, day, result.WaitingFor, result.Record?.LastError), failed);
    }
}

/// What the send-now action says, in French and English ({0} the day, {1} what it waits for, {2} the last error).
internal sealed record SendDigestNowTexts(
    string Label,
    string SentFormat,
    string AlreadySentFormat,
    string EmptyFormat,
    string NotAddressed,
    string WaitingFormat,
    string NotCoveredFormat,
    string FailedFormat)
{
    public static SendDigestNowTexts French { get; } = new(
        "Envoyer le résumé maintenant",
        "Le résumé du {0:dd/MM/yyyy} est envoyé.",
        "Le résumé du {0:dd/MM/yyyy} était déjà envoyé.",
        "Aucun message le {0:dd/MM/yyyy} : rien à envoyer.",
        "Digest:To n'est pas configuré : personne à qui l'envoyer.",
        "Le résumé du {0:dd/MM/yyyy} attend Discord ({1}) ; il partira tout seul dès que tous ses messages seront lus.",
        "Le bot ne lisait pas encore le serveur le {0:dd/MM/yyyy} : ce jour n'a pas de résumé.",
        "L'envoi a échoué ; il sera réessayé : {2}");

    public static SendDigestNowTexts English { get; } = new(
        "Send the digest now",
        "The digest of {0:yyyy-MM-dd} was sent.",
        "The digest of {0:yyyy-MM-dd} had already been sent.",
        "No message on {0:yyyy-MM-dd}: nothing to send.",
        "Digest:To is not set: there is nobody to send it to.",
        "The digest of {0:yyyy-MM-dd} waits for Discord ({1}); it goes out by itself once its messages are all read.",
        "The bot was not reading the server yet on {0:yyyy-MM-dd}: there is no digest of that day.",
        "Sending failed; it will be tried again: {2}");

    public static SendDigestNowTexts For(Language language) => language == Language.English ? English : French;
}
