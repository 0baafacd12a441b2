using CoalitionBot.Localization;

namespace CoalitionBot.Admin;

/// What the long actions' status panel says, in French and English (formats take
/// <see cref="AdminTexts.Culture"/>).
internal sealed record OperationTexts(
    string RunningFormat,
    string RunningHeading,
    string DoneHeading,
    string FailedHeading,
    string RefreshNote,
    string StopRefresh,
    string Reload,
    string SucceededFormat,
    string FailedFormat,
    string StartedByFormat,
    string Back,
    string UnknownHeading,
    string Unknown,
    string Stopped,
    string Resend,
    string ResendDoingFormat,
    string NotADigestFormat)
{
    public static OperationTexts French { get; } = new(
        "En cours… depuis {0:HH:mm:ss} ({1} s).",
        "Action en cours",
        "Action terminée",
        "Action en échec",
        "Cette page se met à jour toute seule toutes les 2 secondes.",
        "Arrêter la mise à jour automatique",
        "Mettre à jour",
        "Terminée à {0:HH:mm:ss}, en {1} s.",
        "Arrêtée en échec à {0:HH:mm:ss}, après {1} s.",
        "Lancée par {0}.",
        "← Retour à l'administration",
        "Action inconnue",
        "Cette action n'est pas connue : son résultat n'est gardé qu'une heure, et pas après un redémarrage du bot.",
        "Interrompue : le bot s'arrête. Relancez-la après son redémarrage.",
        "Renvoyer",
        "Renvoi du résumé du {0:d MMMM yyyy}",
        "« {0} » n'est pas un résumé connu.");

    public static OperationTexts English { get; } = new(
        "Running… since {0:HH:mm:ss} ({1} s).",
        "Action running",
        "Action done",
        "Action failed",
        "This page updates itself every 2 seconds.",
        "Stop updating by itself",
        "Update",
        "Done at {0:HH:mm:ss}, in {1} s.",
        "Failed at {0:HH:mm:ss}, after {1} s.",
        "Started by {0}.",
        "← Back to the admin page",
        "Unknown action",
        "This action is not known: its outcome is kept for one hour only, and not across a restart of the bot.",
        "Interrupted: the bot is stopping. Start it again once the bot is back.",
        "Resend",
        "Resending the digest of {0:d MMMM yyyy}",
        "\"{0}\" is not a known digest.");

    public static OperationTexts For(Language language) => language == Language.English ? English : French;
}
