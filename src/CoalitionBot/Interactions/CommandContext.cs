using System.Globalization;
using System.Text.Json;
using CoalitionBot.Discord.Models;
using CoalitionBot.Storage;

namespace CoalitionBot.Interactions;

/// One invocation of a command, with what its handler needs to read from it.
internal sealed record CommandContext(Interaction Interaction, ulong GuildId, InteractionTexts Texts)
{
    public IReadOnlyList<InteractionOption> Options => Interaction.Data?.Options ?? [];

    public Actor Actor
    {
        get
        {
            var user = Interaction.Member?.User ?? Interaction.User;
            return Actor.Member(user?.Id, Interaction.Member?.Nick, user?.GlobalName, user?.Username);
        }
    }

    /// The member's permissions in this channel, as Discord computed them for this interaction.
    public bool CanManageServer =>
        ulong.TryParse(Interaction.Member?.Permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var permissions)
        && Discord.Permissions.GrantsManageServer(permissions);

    /// A refusal when the member lacks Manage Server (checked on every call: server admins can
    /// override the permission set at registration); null when they may go on.
    public CommandReply? RefuseUnlessModerator(ILogger logger, string command)
    {
        if (CanManageServer)
        {
            return null;
        }

        Log.PermissionRefused(logger, command, Actor.Name);
        return CommandReply.Private(Texts.ManageServerRequired);
    }

    public InteractionOption? Option(string name) => Options.FirstOrDefault(o => o.Name == name);

    public InteractionOption? FocusedOption => Options.FirstOrDefault(o => o.Focused == true);

    public string? StringOption(string name) =>
        Option(name)?.Value is { ValueKind: JsonValueKind.String } value ? value.GetString() : Option(name)?.Value?.ToString();

    public ulong? SnowflakeOption(string name) =>
        ulong.TryParse(StringOption(name), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public ResolvedChannel? ResolvedChannel(ulong id) =>
        Interaction.Data?.Resolved?.Channels?.GetValueOrDefault(id.ToString(CultureInfo.InvariantCulture));

    public Role? ResolvedRole(ulong id) =>
        Interaction.Data?.Resolved?.Roles?.GetValueOrDefault(id.ToString(CultureInfo.InvariantCulture));

    /// The channel option's channel, else the channel the command was typed in (with its name and
    /// type as Discord sent them, when it did); null when there is neither.
    public (ulong Id, ResolvedChannel? Channel)? ChannelOrCurrent(string option)
    {
        if (SnowflakeOption(option) is { } id)
        {
            return (id, ResolvedChannel(id));
        }

        return Interaction.ChannelId is { } current ? (current, Interaction.Channel is { } channel && channel.Id == current ? channel : null) : null;
    }

    /// What a moderator's list command (/exclude, /important) acts on: after the Manage Server check
    /// (<see cref="RefuseUnlessModerator"/>), the channel of the channel option or the current one
    /// (<see cref="ChannelOrCurrent"/>), with the name Discord resolved or the lists last knew. Null
    /// when it may go on; else the private answer saying why not: no permission, no channel, or one the
    /// digest cannot read (a category, a forum).
    public CommandReply? ModeratorChannel(ILogger logger, string command, ChannelListStore lists, out ulong id, out string? name)
    {
        (id, name) = (0, null);
        if (RefuseUnlessModerator(logger, command) is { } refusal)
        {
            return refusal;
        }

        (id, var channel) = ChannelOrCurrent(CommandCatalog.ChannelOption) ?? (0, null);
        if (id == 0)
        {
            return CommandReply.Private(Texts.MissingChannelOption);
        }

        if (channel is not null && !CommandCatalog.DigestibleChannelTypes.Contains(channel.Type) && !ChannelTypes.IsThread(channel.Type))
        {
            return CommandReply.Private(Texts.NotDigestibleChannel);
        }

        name = channel?.Name ?? lists.Find(id)?.Name;
        return null;
    }
}
