using System.Globalization;
using CoalitionBot.Localization;

namespace CoalitionBot.Admin;

/// What moderators read on the admin page, in French and English.
internal sealed record AdminTexts(
    Language Language,
    CultureInfo Culture,
    string Lang,
    string Title,
    string SignInHeading,
    string TokenLabel,
    string SignIn,
    string SignOut,
    string WrongToken,
    string TooManyAttempts,
    string StaleForm,
    string StatusHeading,
    string Healthy,
    string Unhealthy,
    string Version,
    string Uptime,
    string On,
    string Off,
    string ActionsHeading,
    string ChannelsHeading,
    string ChannelListUnavailable,
    string Monitored,
    string Excluded,
    string Important,
    string ChangedByFormat,
    string Exclude,
    string Include,
    string MarkImportant,
    string UnmarkImportant,
    string SwitchesHeading,
    string DailyMail,
    string WeeklySynthesis,
    string Summaries,
    string Abstracts,
    string Save,
    string Saved,
    string LogsHeading,
    string Restart,
    string RestartConfirm,
    string Restarting,
    string Done,
    string DigestsHeading,
    string NoDigestYet,
    string Open,
    string SignOutEverywhere,
    string ActionFailed,
    string Refusals,
    IReadOnlyDictionary<string, string> States)
{
    /// The digest's audience section: heading, where the choice comes from, the form, and a channel's "not visible".
    public required string AudienceHeading { get; init; }

    /// How the page names a change made with the admin token (the API, or a token sign-in).
    public required string TokenActor { get; init; }

    public required string AudienceChosenByFormat { get; init; }

    public required string AudienceConfigured { get; init; }

    public required string AudienceVisibleFormat { get; init; }

    public required string AudienceRoleLabel { get; init; }

    public required string AudienceUnknownRole { get; init; }

    public required string HiddenFromFormat { get; init; }

    public string DigestState(string state) => States.GetValueOrDefault(state, state);

    public static AdminTexts French { get; } = new(
        Language.French,
        CultureInfo.GetCultureInfo("fr-BE"),
        "fr",
        "CoalitionBot — administration",
        "Connexion",
        "Jeton d'administration",
        "Se connecter",
        "Se déconnecter",
        "Ce jeton n'est pas le bon.",
        "Trop d'essais : réessayez dans quelques minutes.",
        "Le formulaire a expiré : la page a été rechargée, recommencez.",
        "État",
        "Tout fonctionne",
        "Problème",
        "Version",
        "Démarré il y a",
        "actif",
        "désactivé",
        "Actions",
        "Salons",
        "La liste des salons du serveur n'est pas disponible (pas de jeton de bot, ou Discord ne répond pas) ; seuls les salons déjà connus sont listés.",
        "suivi",
        "exclu",
        "important",
        "par {0}, le {1:d MMMM yyyy à HH:mm}",
        "Exclure",
        "Inclure",
        "Marquer important",
        "Retirer des importants",
        "Réglages",
        "Résumé quotidien par mail",
        "Synthèse hebdomadaire",
        "Résumés (/resume)",
        "Résumé rédigé par le modèle de langue (Summarization:Endpoint), dans le mail et /resume",
        "Enregistrer",
        "Réglages enregistrés.",
        "Journal récent",
        "Redémarrer",
        "Redémarrer le bot ?",
        "Le bot redémarre ; rechargez la page dans quelques secondes.",
        "C'est fait.",
        "Résumés",
        "Aucun résumé encore.",
        "Voir comme le mail",
        "Se déconnecter partout",
        "L'action a échoué : ",
        "Requêtes refusées faute d'authentification depuis le démarrage",
        new Dictionary<string, string> { ["sent"] = "envoyé", ["pending"] = "en attente", ["failed"] = "échoué", ["empty"] = "vide (rien à envoyer)" })
    {
        AudienceHeading = "Public du résumé",
        TokenActor = "le jeton d'administration",
        AudienceChosenByFormat = "choisi par {0}, le {1:d MMMM yyyy à HH:mm}",
        AudienceConfigured = "réglé par la configuration (Digest:AudienceRole)",
        AudienceVisibleFormat = "{0} voit {1} des {2} salons suivis ; les autres ne sont envoyés que s'ils sont importants.",
        AudienceRoleLabel = "Rôle dont la vue décide des salons envoyés",
        AudienceUnknownRole = "Ce rôle n'existe pas sur le serveur : rien n'a changé.",
        HiddenFromFormat = "invisible pour {0}",
    };

    public static AdminTexts English { get; } = new(
        Language.English,
        CultureInfo.GetCultureInfo("en-GB"),
        "en",
        "CoalitionBot — admin",
        "Sign in",
        "Admin token",
        "Sign in",
        "Sign out",
        "That token is not the right one.",
        "Too many attempts: try again in a few minutes.",
        "The form had expired: the page was reloaded, please try again.",
        "Status",
        "All good",
        "Problem",
        "Version",
        "Up for",
        "on",
        "off",
        "Actions",
        "Channels",
        "The server's channel list is unavailable (no bot token, or Discord is not answering); only channels already known are listed.",
        "monitored",
        "excluded",
        "important",
        "by {0}, on {1:d MMMM yyyy 'at' HH:mm}",
        "Exclude",
        "Include",
        "Mark important",
        "Unmark important",
        "Settings",
        "Daily digest by mail",
        "Weekly synthesis",
        "Summaries (/resume)",
        "Abstract written by the language model (Summarization:Endpoint), in the mail and /resume",
        "Save",
        "Settings saved.",
        "Recent log",
        "Restart",
        "Restart the bot?",
        "The bot is restarting; reload the page in a few seconds.",
        "Done.",
        "Digests",
        "No digest yet.",
        "Open as mailed",
        "Sign out everywhere",
        "The action failed: ",
        "Unauthenticated requests refused since the start",
        new Dictionary<string, string> { ["sent"] = "sent", ["pending"] = "pending", ["failed"] = "failed", ["empty"] = "empty (nothing to send)" })
    {
        AudienceHeading = "Digest audience",
        TokenActor = "the admin token",
        AudienceChosenByFormat = "chosen by {0}, on {1:d MMMM yyyy 'at' HH:mm}",
        AudienceConfigured = "set by the configuration (Digest:AudienceRole)",
        AudienceVisibleFormat = "{0} sees {1} of the {2} monitored channels; the others are mailed only when important.",
        AudienceRoleLabel = "Role whose view decides which channels are mailed",
        AudienceUnknownRole = "This role is not on the server: nothing changed.",
        HiddenFromFormat = "not visible to {0}",
    };

    /// A recorded actor's name as the page shows it: the member's name, or the token said in words
    /// (a member always has a Discord id, so a member nicknamed "token" keeps their name).
    public string Who(string? id, string name) => id is null && name == Storage.Actor.Token.Name ? TokenActor : name;

    public static AdminTexts For(Language language) => language == Language.English ? English : French;
}
