using System.Globalization;
using CoalitionBot.Localization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoalitionBot.Operations;

/// A health or feature description, written once against the texts and read in any language:
/// English for logs and the admin API's status, the admin page's language for moderators.
internal delegate string HealthMessage(HealthTexts texts);

/// What health checks and feature states say, in French and English. Checks describe themselves
/// with a <see cref="HealthMessage"/> over these texts; nothing else carries a translation.
internal sealed record HealthTexts
{
    public required Language Language { get; init; }

    public required string Healthy { get; init; }

    public required string Degraded { get; init; }

    public required string Unhealthy { get; init; }

    public required string Colon { get; init; }

    public required string FeaturesOnFormat { get; init; }

    public required string DatabaseOpen { get; init; }

    public required string DatabaseUnavailableFormat { get; init; }

    public required string PollingOff { get; init; }

    public required string TokenRejectedFormat { get; init; }

    public required string NeverPolledFormat { get; init; }

    public required string NoPollSinceFormat { get; init; }

    public required string LastFailureFormat { get; init; }

    public required string PollFailedFormat { get; init; }

    public required string FirstPollAwaited { get; init; }

    public required string PollIncompleteFormat { get; init; }

    public required string MessageContentOff { get; init; }

    public required string Polling { get; init; }

    public required string DigestUnaddressed { get; init; }

    public required string DigestSent { get; init; }

    public required string DigestBeforeReadingFormat { get; init; }

    public required string DigestWaitsFormat { get; init; }

    public required string DigestWaitsSinceFormat { get; init; }

    public required string DigestCatchingUp { get; init; }

    public required string DigestFailedFormat { get; init; }

    public required string DigestLateFormat { get; init; }

    public required string InteractionsOn { get; init; }

    public required string InteractionsOff { get; init; }

    public required string CommandsOn { get; init; }

    public required string CommandsOff { get; init; }

    public required string PollingOn { get; init; }

    public required string PollingNoGuild { get; init; }

    public required string PollingNoToken { get; init; }

    public required string MailSmtp { get; init; }

    public required string MailOutbox { get; init; }

    public required string DigestFeatureOff { get; init; }

    public required string DigestFeatureOnFormat { get; init; }

    public required string AdminOn { get; init; }

    public required string AdminOff { get; init; }

    public required string AdminWithDiscord { get; init; }

    public required string AdminDiscordOnly { get; init; }

    public required string MonitoringOff { get; init; }

    public required string MonitoringOn { get; init; }

    public required string BackupUnreadableFormat { get; init; }

    public required string BackupFailedFormat { get; init; }

    public required string BackupNoneYetFormat { get; init; }

    public required string BackupLastFormat { get; init; }

    public required string AudienceRoleUnknownFormat { get; init; }

    public required string AudienceSeesNothingFormat { get; init; }

    public required string AudienceFormat { get; init; }

    public required string SummarizationOnFormat { get; init; }

    public required string SummarizationOff { get; init; }

    public required string SummarizationFailedFormat { get; init; }

    public required string SummarizationSwitchedOffFormat { get; init; }

    public required string SummarizationLastFormat { get; init; }

    public required string SummarizationNotAskedFormat { get; init; }

    public required string SummarizationTimeoutFormat { get; init; }

    public required string SummarizationHttpFormat { get; init; }

    public required string SummarizationUnreachable { get; init; }

    public required string SummarizationUnusableFormat { get; init; }

    public static HealthTexts For(Language language) => language == Language.English ? English : French;

    /// Times are printed "u" (2026-11-23 08:00:00Z) in both languages: operators compare them with logs.
    public static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    /// "degraded: why" — a check's state and description as a status line.
    public string StatusLine(HealthStatus status, string description) =>
        (status switch { HealthStatus.Healthy => Healthy, HealthStatus.Degraded => Degraded, _ => Unhealthy }) + Colon + description;

    public static HealthTexts English { get; } = new()
    {
        Language = Language.English,
        Healthy = "healthy",
        Degraded = "degraded",
        Unhealthy = "unhealthy",
        Colon = ": ",
        FeaturesOnFormat = "{0} of {1} features on",
        DatabaseOpen = "database open",
        DatabaseUnavailableFormat = "the database cannot be opened: {0}",
        PollingOff = "off: Discord:BotToken and Discord:GuildId are needed for polling",
        TokenRejectedFormat = "stopped: Discord rejected the bot token (401) at {0:u}; it is tried again at {1:u} (an admin poll tries at once); if it was revoked, set a valid Discord:BotToken and restart",
        NeverPolledFormat = "no poll has succeeded since the start at {0:u}",
        NoPollSinceFormat = "no successful poll since {0:u}",
        LastFailureFormat = "; last failure: {0}",
        PollFailedFormat = "the last poll failed: {0}",
        FirstPollAwaited = "waiting for the first poll",
        PollIncompleteFormat = "the last poll could not read {0}; the next poll tries again",
        MessageContentOff = "every member's message read had empty content: enable the Message Content intent on the Bot page of Discord's Developer Portal",
        Polling = "polling",
        DigestUnaddressed = "Digest:To is not set: no digest is mailed",
        DigestSent = "the last digest went out",
        DigestBeforeReadingFormat = "no digest of {0}: the bot was not reading the server yet",
        DigestWaitsFormat = "the digest of {0} waits for Discord: {1}",
        DigestWaitsSinceFormat = "the digest of {0} has waited for Discord since {1:u}: {2}",
        DigestCatchingUp = "started recently: missed digests are being caught up",
        DigestFailedFormat = "the digest of {0} is failed",
        DigestLateFormat = "the digest of {0} is late",
        InteractionsOn = "signed requests are verified",
        InteractionsOff = "Discord:PublicKey is not set: POST /interactions answers 503",
        CommandsOn = "serving one server",
        CommandsOff = "Discord:GuildId is not set: commands answer that the bot is not configured",
        PollingOn = "reading the server over Discord's REST API",
        PollingNoGuild = "Discord:GuildId is not set: polling is off",
        PollingNoToken = "Discord:BotToken is not set: polling is off",
        MailSmtp = "sent through the configured SMTP server",
        MailOutbox = "Smtp:Host is not set: mail is written as .eml files to data/outbox/",
        DigestFeatureOff = "Digest:To is not set: no digest is addressed",
        DigestFeatureOnFormat = "daily at {0} ({1})",
        AdminOn = "admin API and page behind Admin:Token",
        AdminOff = "neither Admin:Token nor Discord:ClientSecret is set: the admin page and API are off (docs/admin.md)",
        AdminWithDiscord = "admin page behind sign-in with Discord (Manage Server) and Admin:Token; API behind Admin:Token",
        AdminDiscordOnly = "admin page behind sign-in with Discord (Manage Server); no API, Admin:Token is not set",
        MonitoringOff = "Monitoring:PushUrl is not set: no push to Uptime Kuma",
        MonitoringOn = "push to Uptime Kuma after each poll and digest",
        BackupUnreadableFormat = "the backup folder cannot be read: {0}",
        BackupFailedFormat = "the last snapshot failed at {0:u}: {1}",
        BackupNoneYetFormat = "no snapshot yet: the first is taken at {0}",
        BackupLastFormat = "last snapshot at {0:u}, {1} kept",
        AudienceRoleUnknownFormat = "the audience role {0} is not a role of the server: the digest follows @everyone until a moderator chooses another (/audience or the admin page)",
        AudienceSeesNothingFormat = "no channel the digest follows is visible to {0}: only channels marked important are mailed; choose the role members hold (/audience or the admin page)",
        AudienceFormat = "the digest follows what {0} sees: {1} of {2} monitored channels",
        SummarizationOnFormat = "abstract by {0} when switched on on the admin page",
        SummarizationOff = "Summarization:Endpoint is not set: no abstract by a language model",
        SummarizationFailedFormat = "the last abstract by {0} failed: {1}",
        SummarizationSwitchedOffFormat = "{0} is set, switched off on the admin page",
        SummarizationLastFormat = "the last abstract was written by {0} in {1:0.#} s",
        SummarizationNotAskedFormat = "on, with {0}; no abstract asked for yet",
        SummarizationTimeoutFormat = "no answer within Summarization:Timeout ({0} s)",
        SummarizationHttpFormat = "the endpoint answered HTTP {0}",
        SummarizationUnreachable = "the endpoint cannot be reached",
        SummarizationUnusableFormat = "unusable answer: {0}",
    };

    public static HealthTexts French { get; } = new()
    {
        Language = Language.French,
        Healthy = "ok",
        Degraded = "dégradé",
        Unhealthy = "en panne",
        Colon = " : ",
        FeaturesOnFormat = "{0} fonctions actives sur {1}",
        DatabaseOpen = "base de données ouverte",
        DatabaseUnavailableFormat = "la base de données ne peut pas être ouverte : {0}",
        PollingOff = "arrêtée : Discord:BotToken et Discord:GuildId sont nécessaires pour lire le serveur",
        TokenRejectedFormat = "arrêtée : Discord a refusé le jeton du bot (401) le {0:u} ; il est réessayé le {1:u} (une collecte depuis l'admin réessaie tout de suite) ; s'il a été révoqué, réglez un Discord:BotToken valable et redémarrez",
        NeverPolledFormat = "aucune lecture n'a réussi depuis le démarrage, le {0:u}",
        NoPollSinceFormat = "aucune lecture réussie depuis le {0:u}",
        LastFailureFormat = " ; dernier échec : {0}",
        PollFailedFormat = "la dernière lecture a échoué : {0}",
        FirstPollAwaited = "en attente de la première lecture",
        PollIncompleteFormat = "la dernière lecture n'a pas pu lire {0} ; la prochaine réessaie",
        MessageContentOff = "tous les messages de membres lus étaient vides : activez l'intent Message Content sur la page Bot du portail développeur de Discord",
        Polling = "lecture en cours",
        DigestUnaddressed = "Digest:To n'est pas réglé : aucun résumé n'est envoyé",
        DigestSent = "le dernier résumé est parti",
        DigestBeforeReadingFormat = "pas de résumé du {0} : le bot ne lisait pas encore le serveur",
        DigestWaitsFormat = "le résumé du {0} attend Discord : {1}",
        DigestWaitsSinceFormat = "le résumé du {0} attend Discord depuis le {1:u} : {2}",
        DigestCatchingUp = "démarré il y a peu : les résumés manqués sont en cours de rattrapage",
        DigestFailedFormat = "le résumé du {0} a échoué",
        DigestLateFormat = "le résumé du {0} est en retard",
        InteractionsOn = "les requêtes signées sont vérifiées",
        InteractionsOff = "Discord:PublicKey manque : POST /interactions répond 503",
        CommandsOn = "au service d'un serveur",
        CommandsOff = "Discord:GuildId manque : les commandes répondent que le bot n'est pas configuré",
        PollingOn = "lecture du serveur par l'API REST de Discord",
        PollingNoGuild = "Discord:GuildId manque : pas de collecte",
        PollingNoToken = "Discord:BotToken manque : pas de collecte",
        MailSmtp = "envoyé par le serveur SMTP configuré",
        MailOutbox = "Smtp:Host manque : les mails sont écrits en fichiers .eml dans data/outbox/",
        DigestFeatureOff = "Digest:To manque : le résumé n'a pas de destinataire",
        DigestFeatureOnFormat = "chaque jour à {0} ({1})",
        AdminOn = "page et API d'administration protégées par Admin:Token",
        AdminOff = "ni Admin:Token ni Discord:ClientSecret : pas de page ni d'API d'administration (docs/admin.md)",
        AdminWithDiscord = "page d'administration protégée par la connexion avec Discord (Gérer le serveur) et Admin:Token ; API protégée par Admin:Token",
        AdminDiscordOnly = "page d'administration protégée par la connexion avec Discord (Gérer le serveur) ; pas d'API, Admin:Token manque",
        MonitoringOff = "Monitoring:PushUrl manque : rien n'est signalé à Uptime Kuma",
        MonitoringOn = "signal à Uptime Kuma après chaque collecte et chaque résumé",
        BackupUnreadableFormat = "le dossier des sauvegardes est illisible : {0}",
        BackupFailedFormat = "la dernière sauvegarde a échoué le {0:u} : {1}",
        BackupNoneYetFormat = "pas encore de sauvegarde : la première est prise à {0}",
        BackupLastFormat = "dernière sauvegarde le {0:u}, {1} conservées",
        AudienceRoleUnknownFormat = "le rôle du public {0} n'existe pas sur le serveur : le résumé suit @everyone jusqu'à ce qu'un modérateur en choisisse un autre (/audience ou la page d'administration)",
        AudienceSeesNothingFormat = "aucun salon suivi par le résumé n'est visible pour {0} : seuls les salons marqués importants sont envoyés ; choisissez le rôle que portent les membres (/audience ou la page d'administration)",
        AudienceFormat = "le résumé suit ce que voit {0} : {1} salons suivis sur {2}",
        SummarizationOnFormat = "résumé par {0} quand il est activé sur la page d'administration",
        SummarizationOff = "Summarization:Endpoint manque : pas de résumé par un modèle de langue",
        SummarizationFailedFormat = "le dernier résumé par {0} a échoué : {1}",
        SummarizationSwitchedOffFormat = "{0} est réglé, désactivé sur la page d'administration",
        SummarizationLastFormat = "le dernier résumé a été écrit par {0} en {1:0.#} s",
        SummarizationNotAskedFormat = "activé, avec {0} ; aucun résumé demandé encore",
        SummarizationTimeoutFormat = "pas de réponse dans le délai Summarization:Timeout ({0} s)",
        SummarizationHttpFormat = "le modèle a répondu HTTP {0}",
        SummarizationUnreachable = "le modèle est injoignable",
        SummarizationUnusableFormat = "réponse inutilisable",
    };
}
