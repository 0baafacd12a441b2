using CoalitionBot.Localization;
using CoalitionBot.Storage;

namespace CoalitionBot.Admin;

/// The admin page's change history, in French and English. Kinds holds a label for each of
/// <see cref="AuditKinds"/>; a kind without one shows as stored.
internal sealed record AuditTexts(
    string Heading,
    string Empty,
    string DateFormat,
    string IdFormat,
    string AudienceBeforeFormat,
    string SessionsFormat,
    string SwitchFormat,
    IReadOnlyDictionary<string, string> Kinds)
{
    public static AuditTexts French { get; } = new(
        "Historique des changements",
        "Aucun changement enregistré pour l'instant.",
        "d MMM yyyy HH:mm",
        "id {0}",
        "avant : {0}",
        "{0} session(s) fermée(s)",
        "{0} : {1}",
        new Dictionary<string, string>
        {
            [AuditKinds.Excluded] = "exclu du résumé",
            [AuditKinds.Included] = "remis dans le résumé",
            [AuditKinds.Important] = "marqué important",
            [AuditKinds.NotImportant] = "retiré des importants",
            [AuditKinds.Audience] = "public du résumé changé",
            [AuditKinds.Switches] = "réglages changés",
            [AuditKinds.DigestSent] = "résumé envoyé à la demande",
            [AuditKinds.DigestResent] = "résumé renvoyé",
            [AuditKinds.PollNow] = "collecte à la demande",
            [AuditKinds.TestMail] = "mail de test",
            [AuditKinds.BackupNow] = "sauvegarde à la demande",
            [AuditKinds.Restart] = "redémarrage",
            [AuditKinds.SessionsRevoked] = "déconnexion partout",
        });

    public static AuditTexts English { get; } = new(
        "Change history",
        "No change recorded yet.",
        "d MMM yyyy HH:mm",
        "id {0}",
        "before: {0}",
        "{0} session(s) ended",
        "{0}: {1}",
        new Dictionary<string, string>
        {
            [AuditKinds.Excluded] = "left out of the digest",
            [AuditKinds.Included] = "brought back into the digest",
            [AuditKinds.Important] = "marked important",
            [AuditKinds.NotImportant] = "no longer important",
            [AuditKinds.Audience] = "digest audience changed",
            [AuditKinds.Switches] = "switches changed",
            [AuditKinds.DigestSent] = "digest sent on request",
            [AuditKinds.DigestResent] = "digest sent again",
            [AuditKinds.PollNow] = "poll on request",
            [AuditKinds.TestMail] = "test mail",
            [AuditKinds.BackupNow] = "backup on request",
            [AuditKinds.Restart] = "restart",
            [AuditKinds.SessionsRevoked] = "signed out everywhere",
        });

    public static AuditTexts For(Language language) => language == Language.English ? English : French;

    public string Kind(string kind) => Kinds.GetValueOrDefault(kind, kind);
}
