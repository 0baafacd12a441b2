using System.Text.Json;

namespace CoalitionBot.Discord.Models;

internal enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}

internal sealed record Interaction(
    ulong Id,
    ulong ApplicationId,
    InteractionType Type,
    string? Token = null,
    InteractionData? Data = null,
    ulong? GuildId = null,
    ulong? ChannelId = null,
    GuildMember? Member = null,
    User? User = null,
    string? Locale = null,
    string? GuildLocale = null,
    string? AppPermissions = null,
    ResolvedChannel? Channel = null);

internal sealed record InteractionData(
    string Name,
    ulong? Id = null,
    int? Type = null,
    IReadOnlyList<InteractionOption>? Options = null,
    ResolvedData? Resolved = null);

internal sealed record InteractionOption(
    string Name,
    int Type,
    JsonElement? Value = null,
    IReadOnlyList<InteractionOption>? Options = null,
    bool? Focused = null);

internal sealed record ResolvedData(IReadOnlyDictionary<string, ResolvedChannel>? Channels = null, IReadOnlyDictionary<string, Role>? Roles = null);

internal sealed record ResolvedChannel(
    ulong Id,
    int Type,
    string? Name = null,
    ulong? ParentId = null,
    string? Permissions = null,
    string? AppPermissions = null);

/// A member, as an interaction carries it (with its permissions in the channel) or as Get Guild Member
/// gives it (with its role ids).
internal sealed record GuildMember(User? User = null, string? Nick = null, string? Permissions = null, IReadOnlyList<ulong>? Roles = null);

internal sealed record User(ulong Id, string Username, string? GlobalName = null, bool? Bot = null);
