using System.Globalization;
using CoalitionBot.Localization;
using CoalitionBot.Markup;

namespace CoalitionBot.Digest;

/// Every text of the digest (mail, preview, embeds) in French and English.
internal sealed record DigestTexts(
    Language Language,
    CultureInfo Culture,
    string HtmlLanguage,
    string DateFormat,
    string SubjectFormat,
    string TitleFormat,
    string Intro,
    string FiguresHeading,
    string MessagesFormat,
    string OneMessage,
    string MembersFormat,
    string OneMember,
    string ChangeFormat,
    string NoChange,
    string BusiestChannels,
    string HighlightsHeading,
    string ReactionsFormat,
    string OneReaction,
    string PeopleFormat,
    string RepliesFormat,
    string OneReply,
    string InChannelFormat,
    string ThreadFormat,
    string MoreMessagesFormat,
    string OneMoreMessageFormat,
    string ReplyToFormat,
    string ReplyToUnknown,
    string ViewOnDiscord,
    string PinnedFormat,
    string ThreadCreatedFormat,
    string Spoiler,
    string SpoilerHidden,
    string UnknownUser,
    string UnknownRole,
    string UnknownChannel,
    string Truncated,
    string EmptyDay,
    string Footer,
    string Attachment,
    string Colon,
    string OtherChannelsHeading,
    string OtherChannelsMoreFormat,
    string ShortDateFormat,
    string WeekSubjectFormat,
    string WeekTitleFormat,
    string WeekIntro,
    string WeekChangeFormat,
    string EmptyWeek,
    string AbstractHeading,
    string AbstractLabelFormat) : IMarkupTexts
{
    public static DigestTexts For(Language language) => language == Language.English ? English : French;

    public static readonly DigestTexts French = new(
        Language.French,
        CultureInfo.GetCultureInfo("fr-BE"),
        "fr",
        "dddd d MMMM yyyy",
        "[{0}] Résumé du {1} — {2}",
        "Résumé du {0}",
        "Ce qui s'est dit ce jour-là sur le serveur Discord {0}.",
        "En bref",
        "{0} messages",
        "1 message",
        "{0} membres actifs",
        "1 membre actif",
        "{0:+#;-#} par rapport à la veille",
        "autant que la veille",
        "Salons les plus actifs",
        "À la une",
        "{0} réactions",
        "1 réaction",
        "{0} personnes",
        "{0} réponses",
        "1 réponse",
        "dans #{0}",
        "Fil « {0} »",
        "{0} autres messages dans #{1} →",
        "1 autre message dans #{1} →",
        "en réponse à {0}",
        "en réponse à un message",
        "Voir sur Discord",
        "{0} a épinglé un message",
        "{0} a ouvert le fil « {1} »",
        "spoiler",
        "[spoiler masqué]",
        "utilisateur inconnu",
        "rôle inconnu",
        "salon inconnu",
        "(message raccourci)",
        "Aucun message ce jour-là.",
        "Résumé automatique envoyé par CoalitionBot. Les pièces jointes et les messages complets sont sur Discord.",
        "pièce jointe",
        " : ",
        "Autres salons actifs",
        "et {0} autres salons",
        "dddd d MMMM",
        "[{0}] Résumé de la semaine du {1} au {2} — {3}",
        "Semaine du {0} au {1}",
        "Ce qui s'est dit cette semaine-là sur le serveur Discord {0}.",
        "{0:+#;-#;0} par rapport à la semaine précédente",
        "Aucun message cette semaine-là.",
        "L'essentiel",
        "Écrit par un modèle de langue ({0}) d'après les messages cités ; il peut se tromper.");

    public static readonly DigestTexts English = new(
        Language.English,
        CultureInfo.GetCultureInfo("en-GB"),
        "en",
        "dddd d MMMM yyyy",
        "[{0}] Digest for {1} — {2}",
        "Digest for {0}",
        "What was said that day on the {0} Discord server.",
        "At a glance",
        "{0} messages",
        "1 message",
        "{0} active members",
        "1 active member",
        "{0:+#;-#} on the day before",
        "as many as the day before",
        "Busiest channels",
        "Highlights",
        "{0} reactions",
        "1 reaction",
        "{0} people",
        "{0} replies",
        "1 reply",
        "in #{0}",
        "Thread “{0}”",
        "{0} more messages in #{1} →",
        "1 more message in #{1} →",
        "replying to {0}",
        "replying to a message",
        "View on Discord",
        "{0} pinned a message",
        "{0} started the thread “{1}”",
        "spoiler",
        "[hidden spoiler]",
        "unknown user",
        "unknown role",
        "unknown channel",
        "(message shortened)",
        "No messages that day.",
        "Automatic digest sent by CoalitionBot. Attachments and full messages are on Discord.",
        "attachment",
        ": ",
        "Other active channels",
        "and {0} more channels",
        "dddd d MMMM",
        "[{0}] Weekly digest, {1} to {2} — {3}",
        "Week of {0} to {1}",
        "What was said that week on the {0} Discord server.",
        "{0:+#;-#;0} on the week before",
        "No messages that week.",
        "In short",
        "Written by a language model ({0}) from the messages cited; it can be wrong.");

    public string Format(string format, params object?[] values) => string.Format(Culture, format, values);

    /// « French quotes » with their spaces, “English quotes” without.
    public string Quote(string text) => Language == Language.French ? "« " + text + " »" : "“" + text + "”";

    public string Date(DateOnly day) => day.ToString(DateFormat, Culture);

    public string Time(DateTimeOffset local) => local.ToString("HH:mm", Culture);

    public string Messages(int count) => count == 1 ? OneMessage : Format(MessagesFormat, count);

    public string Members(int count) => count == 1 ? OneMember : Format(MembersFormat, count);

    public string Reactions(int count) => count == 1 ? OneReaction : Format(ReactionsFormat, count);

    public string Replies(int count) => count == 1 ? OneReply : Format(RepliesFormat, count);

    public string MoreMessages(int count, string channel) => Format(count == 1 ? OneMoreMessageFormat : MoreMessagesFormat, count, channel);

    public string Change(int change) => change == 0 ? NoChange : Format(ChangeFormat, change);

    /// "12 réactions, 5 personnes, 3 réponses": only the figures that say something.
    public string Reason(int reactions, int participants, int replies)
    {
        List<string> parts = [];
        if (reactions > 0)
        {
            parts.Add(Reactions(reactions));
        }

        if (participants > 1)
        {
            parts.Add(Format(PeopleFormat, participants));
        }

        if (replies > 0)
        {
            parts.Add(Replies(replies));
        }

        return string.Join(", ", parts);
    }

    public string Size(long bytes) => bytes switch
    {
        < 1024 => Format(Language == Language.French ? "{0} o" : "{0} B", bytes),
        < 1024 * 1024 => Format(Language == Language.French ? "{0:0.#} Ko" : "{0:0.#} KB", bytes / 1024.0),
        _ => Format(Language == Language.French ? "{0:0.#} Mo" : "{0:0.#} MB", bytes / (1024.0 * 1024.0)),
    };
}
