namespace CoalitionBot.Discord.Models;

internal enum CommandOptionType
{
    String = 3,
    Integer = 4,
    Boolean = 5,
    Channel = 7,
    Role = 8,
}

internal sealed record ApplicationCommand(
    string Name,
    string Description,
    IReadOnlyDictionary<string, string>? NameLocalizations = null,
    IReadOnlyDictionary<string, string>? DescriptionLocalizations = null,
    IReadOnlyList<ApplicationCommandOption>? Options = null,
    string? DefaultMemberPermissions = null,
    int Type = 1,
    IReadOnlyList<int>? IntegrationTypes = null,
    IReadOnlyList<int>? Contexts = null);

internal sealed record ApplicationCommandOption(
    CommandOptionType Type,
    string Name,
    string Description,
    IReadOnlyDictionary<string, string>? NameLocalizations = null,
    IReadOnlyDictionary<string, string>? DescriptionLocalizations = null,
    bool? Required = null,
    IReadOnlyList<int>? ChannelTypes = null,
    bool? Autocomplete = null,
    IReadOnlyList<ApplicationCommandChoice>? Choices = null);

internal sealed record ApplicationCommandChoice(
    string Name,
    string Value,
    IReadOnlyDictionary<string, string>? NameLocalizations = null);
