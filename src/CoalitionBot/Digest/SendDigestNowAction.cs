using CoalitionBot.Localization;

using CoalitionBot.Operations;

namespace CoalitionBot.Digest;

/// "Envoyer le résumé maintenant": the last complete day's digest, once (a day already sent is not sent again).
internal sealed class SendDigestNowAction(DigestService digests) : IAdminAction
{
    public string Key => "send-digest";

    public string Label(Language language) => language == Language.English ? "Send the digest now" : "Envoyer le résumé maintenant";

    public async Task<string> ExecuteAsync(string? input, Language language, CancellationToken cancellationToken)
    {
        var day = digests.LastCompleteDay();
        var result = await digests.SendDayAsync(day, resend: false, cancellationToken);
        var english = language == Language.English;
        return result.Outcome switch
        {
            DigestOutcome.Sent => english ? $"The digest of {day:yyyy-MM-dd} was sent." : $"Le résumé du {day:dd/MM/yyyy} est envoyé.",
            DigestOutcome.AlreadySent => english ? $"The digest of {day:yyyy-MM-dd} had already been sent." : $"Le résumé du {day:dd/MM/yyyy} était déjà envoyé.",
            DigestOutcome.Empty => english ? $"No message on {day:yyyy-MM-dd}: nothing to send." : $"Aucun message le {day:dd/MM/yyyy} : rien à envoyer.",
            DigestOutcome.NotAddressed => english ? "Digest:To is not set: there is nobody to send it to." : "Digest:To n'est pas configuré : personne à qui l'envoyer.",
            DigestOutcome.Waiting => english
                ? $"The digest of {day:yyyy-MM-dd} waits for Discord ({result.WaitingFor}); it goes out by itself once its messages are all read."
                : $"Le résumé du {day:dd/MM/yyyy} attend Discord ({result.WaitingFor}) ; il partira tout seul dès que tous ses messages seront lus.",
            DigestOutcome.NotCovered => english
                ? $"The bot was not reading the server yet on {day:yyyy-MM-dd}: there is no digest of that day."
                : $"Le bot ne lisait pas encore le serveur le {day:dd/MM/yyyy} : ce jour n'a pas de résumé.",
            _ => english ? $"Sending failed; it will be tried again: {result.Record?.LastError}" : $"L'envoi a échoué ; il sera réessayé : {result.Record?.LastError}",
        };
    }
}
