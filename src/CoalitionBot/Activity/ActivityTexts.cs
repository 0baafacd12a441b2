using CoalitionBot.Localization;

namespace CoalitionBot.Activity;

/// Texts of /resume and /report, in French and English.
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
    string Nothing)
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
        "aucun");

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
        "none");

    public static ActivityTexts For(Language language) => language == Language.English ? English : French;
}
