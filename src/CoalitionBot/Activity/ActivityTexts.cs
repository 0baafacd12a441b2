using CoalitionBot.Localization;

namespace CoalitionBot.Activity;

/// Texts of /resume and /report (and the activity chart), in French and English.
internal sealed record ActivityTexts(
    string ResumeTitle,
    string ResumeChannelTitleFormat,
    string NothingNew,
    string ReportTitleFormat,
    string Day,
    string Week,
    string Month,
    string PerChannel,
    string MostReacted,
    string ChangeFormat,
    string MoreChannelsFormat,
    string Nothing,
    string Year,
    string NoPreviousData,
    string PreviousKnownSinceFormat,
    string KnownSinceFormat,
    string MembersPerDayFormat,
    string PerDay,
    string PerMonth,
    string ChartDescriptionFormat,
    string NothingNewSinceFormat,
    string MonthFormat)
{
    public static readonly ActivityTexts French = new(
        "Depuis le dernier résumé",
        "Depuis le dernier résumé, dans #{0}",
        "Rien de nouveau depuis le dernier résumé.",
        "Activité {0}",
        "d'hier",
        "des 7 derniers jours",
        "des 30 derniers jours",
        "Messages par salon",
        "Messages les plus réactifs",
        "{0:+#;-#;0} par rapport à la période précédente",
        "… et {0} autres salons sur Discord",
        "aucun",
        "des 12 derniers mois",
        "pas de données pour la période précédente : le bot ne lisait pas encore le serveur",
        "pas de comparaison : le bot ne lit le serveur que depuis le {0}",
        "Le bot lit le serveur depuis le {0} : ce qui précède n'est pas compté.",
        "{0} membres actifs par jour en moyenne",
        "Messages par jour",
        "Messages par mois",
        "{0}, du {1} au {2}",
        "Rien de nouveau depuis le dernier résumé, envoyé le {0} à {1}.",
        "MMM yyyy");

    public static readonly ActivityTexts English = new(
        "Since the last digest",
        "Since the last digest, in #{0}",
        "Nothing new since the last digest.",
        "Activity {0}",
        "yesterday",
        "over the last 7 days",
        "over the last 30 days",
        "Messages per channel",
        "Most reacted messages",
        "{0:+#;-#;0} against the period before",
        "… and {0} more channels on Discord",
        "none",
        "over the last 12 months",
        "no data for the period before: the bot was not reading the server yet",
        "no comparison: the bot has been reading the server only since {0}",
        "The bot has been reading the server since {0}: what came before is not counted.",
        "{0} active members a day on average",
        "Messages per day",
        "Messages per month",
        "{0}, {1} to {2}",
        "Nothing new since the last digest, sent on {0} at {1}.",
        "MMM yyyy");

    public static ActivityTexts For(Language language) => language == Language.English ? English : French;
}
