using System.Globalization;
using CoalitionBot.Discord.Models;

namespace CoalitionBot.Interactions;

/// Every slash command we register, with its French and English texts. The one place they are defined.
internal static class CommandCatalog
{
    public const string Channels = "channels";
    public const string Exclude = "exclude";
    public const string Include = "include";
    public const string Resume = "resume";
    public const string Report = "report";
    public const string Important = "important";
    public const string Audience = "audience";
    public const string ChannelOption = "channel";
    public const string RemoveOption = "remove";
    public const string RoleOption = "role";
    public const string PublicOption = "public";
    public const string PeriodOption = "period";
    public const string Day = "day";
    public const string Week = "week";
    public const string Month = "month";
    public const string Year = "year";

    /// Text, announcement, voice and stage (their text chat) and forum channels: what a digest reads.
    public static readonly IReadOnlyList<int> DigestibleChannelTypes =
        [ChannelTypes.GuildText, ChannelTypes.GuildAnnouncement, ChannelTypes.GuildVoice, ChannelTypes.GuildStageVoice, ChannelTypes.GuildForum];

    private static readonly string ManageGuild = Discord.Permissions.ManageGuild.ToString(CultureInfo.InvariantCulture);

    public static IReadOnlyList<ApplicationCommand> All { get; } =
    [
        Command(
            Resume,
            Localized("resume", "resume"),
            Localized("Ce qui s'est passé depuis le dernier résumé", "What happened since the last digest"),
            options:
            [
                new ApplicationCommandOption(
                    CommandOptionType.Channel,
                    ChannelOption,
                    "Only this channel",
                    NameLocalizations: Localized("salon", ChannelOption),
                    DescriptionLocalizations: Localized("Seulement ce salon", "Only this channel"),
                    Required: false,
                    ChannelTypes: DigestibleChannelTypes),
                new ApplicationCommandOption(
                    CommandOptionType.Boolean,
                    PublicOption,
                    "Post it for everyone in the channel (only you see it otherwise)",
                    NameLocalizations: Localized("public", PublicOption),
                    DescriptionLocalizations: Localized("Le publier pour tout le salon (sinon vous seul le voyez)", "Post it for everyone in the channel (only you see it otherwise)"),
                    Required: false),
            ],
            permissions: null),
        Command(
            Report,
            Localized("rapport", "report"),
            Localized("Rapport d'activité avec graphique : messages par salon, membres actifs, réactions", "Activity report with a chart: messages per channel, active members, most reacted messages"),
            options:
            [
                new ApplicationCommandOption(
                    CommandOptionType.String,
                    PeriodOption,
                    "Period",
                    NameLocalizations: Localized("période", PeriodOption),
                    DescriptionLocalizations: Localized("Période", "Period"),
                    Required: true,
                    Choices:
                    [
                        new ApplicationCommandChoice("Yesterday", Day, Localized("Hier", "Yesterday")),
                        new ApplicationCommandChoice("Last 7 days", Week, Localized("7 derniers jours", "Last 7 days")),
                        new ApplicationCommandChoice("Last 30 days", Month, Localized("30 derniers jours", "Last 30 days")),
                        new ApplicationCommandChoice("Last 12 months", Year, Localized("12 derniers mois", "Last 12 months")),
                    ]),
            ],
            permissions: null),
        Command(
            Channels,
            Localized("salons", "channels"),
            Localized("Liste les salons suivis, exclus et importants du résumé", "List the channels the digest follows, leaves out and highlights"),
            options: null,
            permissions: null),
        Command(
            Exclude,
            Localized("exclure", "exclude"),
            Localized("Retire un salon du résumé quotidien", "Leave a channel out of the daily digest"),
            options:
            [
                new ApplicationCommandOption(
                    CommandOptionType.Channel,
                    ChannelOption,
                    "Channel to leave out (none: this one)",
                    NameLocalizations: Localized("salon", ChannelOption),
                    DescriptionLocalizations: Localized("Salon à exclure (aucun : celui-ci)", "Channel to leave out (none: this one)"),
                    Required: false,
                    ChannelTypes: DigestibleChannelTypes),
            ],
            permissions: ManageGuild),
        Command(
            Include,
            Localized("inclure", "include"),
            Localized("Réintègre un salon exclu dans le résumé quotidien", "Bring an excluded channel back into the daily digest"),
            options:
            [
                new ApplicationCommandOption(
                    CommandOptionType.String,
                    ChannelOption,
                    "Excluded channel to bring back",
                    NameLocalizations: Localized("salon", ChannelOption),
                    DescriptionLocalizations: Localized("Salon exclu à réintégrer", "Excluded channel to bring back"),
                    Required: true,
                    Autocomplete: true),
            ],
            permissions: ManageGuild),
        Command(
            Important,
            Localized("important", "important"),
            Localized("Marque un salon important : il est envoyé même si le public du résumé ne le voit pas", "Mark a channel important: it is mailed even if the digest's audience cannot see it"),
            options:
            [
                new ApplicationCommandOption(
                    CommandOptionType.Channel,
                    ChannelOption,
                    "Channel to mark (none: this one)",
                    NameLocalizations: Localized("salon", ChannelOption),
                    DescriptionLocalizations: Localized("Salon à marquer (aucun : celui-ci)", "Channel to mark (none: this one)"),
                    Required: false,
                    ChannelTypes: DigestibleChannelTypes),
                new ApplicationCommandOption(
                    CommandOptionType.Boolean,
                    RemoveOption,
                    "Remove the mark instead",
                    NameLocalizations: Localized("retirer", RemoveOption),
                    DescriptionLocalizations: Localized("Retirer la marque plutôt", "Remove the mark instead"),
                    Required: false),
            ],
            permissions: ManageGuild),
        Command(
            Audience,
            Localized("audience", "audience"),
            Localized("Le rôle dont la vue décide des salons envoyés dans le résumé", "The role whose view decides which channels the digest mails"),
            options:
            [
                new ApplicationCommandOption(
                    CommandOptionType.Role,
                    RoleOption,
                    "The members' role (none: show the current one)",
                    NameLocalizations: Localized("rôle", RoleOption),
                    DescriptionLocalizations: Localized("Le rôle des membres (aucun : afficher l'actuel)", "The members' role (none: show the current one)"),
                    Required: false),
            ],
            permissions: ManageGuild),
    ];

    private static ApplicationCommand Command(
        string name,
        Dictionary<string, string> names,
        Dictionary<string, string> descriptions,
        IReadOnlyList<ApplicationCommandOption>? options,
        string? permissions) =>
        new(
            name,
            descriptions["en-US"],
            NameLocalizations: names,
            DescriptionLocalizations: descriptions,
            Options: options,
            DefaultMemberPermissions: permissions,
            IntegrationTypes: [0],
            Contexts: [0]);

    /// French, and both English variants (a missing en-US would show en-GB's text instead of the default).
    private static Dictionary<string, string> Localized(string french, string english) =>
        new() { ["fr"] = french, ["en-US"] = english, ["en-GB"] = english };
}
