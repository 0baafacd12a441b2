using System.Globalization;
using CoalitionBot.Discord.Models;

namespace CoalitionBot.Interactions;

/// Every slash command we register, with its French and English texts. The one place they are defined.
internal static class CommandCatalog
{
    public const string Channels = "channels";
    public const string Exclude = "exclude";
    public const string Include = "include";
    public const string ChannelOption = "channel";

    /// Text, announcement and forum channels: what a digest reads.
    public static readonly IReadOnlyList<int> DigestibleChannelTypes = [ChannelTypes.GuildText, ChannelTypes.GuildAnnouncement, ChannelTypes.GuildForum];

    private static readonly string ManageGuild = CommandContext.ManageGuild.ToString(CultureInfo.InvariantCulture);

    public static IReadOnlyList<ApplicationCommand> All { get; } =
    [
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
                    "Channel to leave out",
                    NameLocalizations: Localized("salon", ChannelOption),
                    DescriptionLocalizations: Localized("Salon à exclure", "Channel to leave out"),
                    Required: true,
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
