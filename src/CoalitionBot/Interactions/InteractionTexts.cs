using System.Globalization;
using CoalitionBot.Localization;

namespace CoalitionBot.Interactions;

/// What members read in Discord, in French and English.
internal sealed record InteractionTexts(
    Language Language,
    CultureInfo Culture,
    string UnknownCommand,
    string UnsupportedInteraction,
    string OtherGuild,
    string GuildNotConfigured,
    string SomethingWentWrong,
    string ManageServerRequired,
    string MissingChannelOption,
    string NotDigestibleChannel,
    string ExcludedFormat,
    string AlreadyExcludedFormat,
    string IncludedFormat,
    string NotExcludedFormat,
    string UnknownExcludedChannelFormat,
    string MonitoredHeading,
    string ExcludedHeading,
    string ImportantHeading,
    string NoneItem,
    string ChangedByFormat,
    string AndMoreFormat,
    string NamesUnavailable,
    string StorageUnavailable,
    string SummariesOff,
    string CooldownFormat,
    string Busy)
{
    public static InteractionTexts French { get; } = new(
        Language.French,
        CultureInfo.GetCultureInfo("fr-BE"),
        UnknownCommand: "Je ne connais pas cette commande. Elle a peut-être été retirée : rechargez Discord.",
        UnsupportedInteraction: "Ce type d'interaction n'est pas pris en charge.",
        OtherGuild: "Ce bot ne sert qu'un seul serveur, et ce n'est pas celui-ci.",
        GuildNotConfigured: "Le bot n'est pas encore configuré (Discord:GuildId manque). Prévenez la personne qui l'administre.",
        SomethingWentWrong: "Quelque chose s'est mal passé de notre côté. L'erreur est notée ; réessayez dans un moment.",
        ManageServerRequired: "Cette commande est réservée aux personnes qui ont la permission « Gérer le serveur ». Rien n'a été modifié.",
        MissingChannelOption: "Indiquez un salon.",
        NotDigestibleChannel: "Seuls les salons textuels, d'annonces et les forums peuvent être exclus du résumé.",
        ExcludedFormat: "#{0} est exclu du résumé quotidien.",
        AlreadyExcludedFormat: "#{0} était déjà exclu du résumé.",
        IncludedFormat: "#{0} revient dans le résumé quotidien.",
        NotExcludedFormat: "#{0} n'était pas exclu : rien n'a changé.",
        UnknownExcludedChannelFormat: "Aucun salon exclu ne correspond à « {0} ». Choisissez-en un dans la liste proposée.",
        MonitoredHeading: "Salons suivis",
        ExcludedHeading: "Salons exclus",
        ImportantHeading: "Salons importants",
        NoneItem: "aucun",
        ChangedByFormat: "par {0}, le {1:d MMMM yyyy}",
        AndMoreFormat: "… et {0} autres",
        NamesUnavailable: "(La liste complète des salons n'est pas disponible : le bot n'a pas de jeton ou Discord ne répond pas.)",
        StorageUnavailable: "La base de données du bot est indisponible. Prévenez la personne qui l'administre.",
        SummariesOff: "Les résumés à la demande sont désactivés par les modérateurs. Le résumé quotidien arrive par mail.",
        CooldownFormat: "Un instant : vous venez de le demander. Vous pourrez recommencer dans {0} secondes.",
        Busy: "Le bot traite beaucoup de demandes en ce moment. Réessayez dans une minute.");

    public static InteractionTexts English { get; } = new(
        Language.English,
        CultureInfo.GetCultureInfo("en-GB"),
        UnknownCommand: "I don't know this command. It may have been removed: reload Discord.",
        UnsupportedInteraction: "This kind of interaction is not supported.",
        OtherGuild: "This bot serves a single server, and it is not this one.",
        GuildNotConfigured: "The bot is not configured yet (Discord:GuildId is missing). Tell whoever runs it.",
        SomethingWentWrong: "Something went wrong on our side. The error was logged; try again in a moment.",
        ManageServerRequired: "This command needs the Manage Server permission. Nothing was changed.",
        MissingChannelOption: "Please give a channel.",
        NotDigestibleChannel: "Only text, announcement and forum channels can be excluded from the digest.",
        ExcludedFormat: "#{0} is now left out of the daily digest.",
        AlreadyExcludedFormat: "#{0} was already left out of the digest.",
        IncludedFormat: "#{0} is back in the daily digest.",
        NotExcludedFormat: "#{0} was not excluded: nothing changed.",
        UnknownExcludedChannelFormat: "No excluded channel matches \"{0}\". Pick one from the suggestions.",
        MonitoredHeading: "Monitored channels",
        ExcludedHeading: "Excluded channels",
        ImportantHeading: "Important channels",
        NoneItem: "none",
        ChangedByFormat: "by {0}, on {1:d MMMM yyyy}",
        AndMoreFormat: "… and {0} more",
        NamesUnavailable: "(The full channel list is unavailable: the bot has no token or Discord is not answering.)",
        StorageUnavailable: "The bot's database is unavailable. Tell whoever runs it.",
        SummariesOff: "On-demand summaries are switched off by the moderators. The daily digest still comes by mail.",
        CooldownFormat: "Just a moment: you asked for this a moment ago. You can ask again in {0} seconds.",
        Busy: "The bot is handling many requests right now. Please try again in a minute.");

    /// French typography puts a space before a colon; English does not.
    public string Colon => Language == Language.French ? "\u00a0: " : ": ";

    public static InteractionTexts For(Language language) => language == Language.English ? English : French;

    public string Format(string format, params object?[] arguments) => string.Format(Culture, format, arguments);
}
