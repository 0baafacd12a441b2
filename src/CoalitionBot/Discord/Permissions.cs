using System.Globalization;
using CoalitionBot.Discord.Models;

namespace CoalitionBot.Discord;

/// Discord's permission bits the bot reads, and how Discord decides who may see a channel
/// (discord-spec.md §3.5; Discord's "permissions" topic, "Permission Overwrites").
internal static class Permissions
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageGuild = 1UL << 5;
    public const ulong ViewChannel = 1UL << 10;
    public const ulong ReadMessageHistory = 1UL << 16;
    public const ulong Connect = 1UL << 20;

    /// Permissions travel as decimal strings; anything else counts as none.
    public static ulong Parse(string? value) =>
        ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) ? bits : 0;

    /// Whether a member holding only @everyone and <paramref name="roleId"/> sees a channel with these
    /// overwrites: the two roles' server-wide permissions together (ADMINISTRATOR sees everything),
    /// then the channel's @everyone overwrite (deny, then allow), then the role's. For @everyone itself
    /// <paramref name="roleId"/> is the server's id and <paramref name="rolePermissions"/> its own.
    public static bool RoleCanView(ulong guildId, ulong everyonePermissions, ulong roleId, ulong rolePermissions, IReadOnlyList<PermissionOverwrite>? overwrites)
    {
        var permissions = everyonePermissions | rolePermissions;
        if ((permissions & Administrator) != 0)
        {
            return true;
        }

        permissions = Apply(permissions, overwrites?.FirstOrDefault(o => o.Id == guildId && o.Type == 0));
        if (roleId != guildId)
        {
            permissions = Apply(permissions, overwrites?.FirstOrDefault(o => o.Id == roleId && o.Type == 0));
        }

        return (permissions & ViewChannel) != 0;
    }

    /// Whether a member may manage the server (discord-spec.md §10.1): its owner, or anyone whose
    /// server-wide permissions, @everyone's (its id is the server's) OR each of their roles', include
    /// ADMINISTRATOR or MANAGE_GUILD. Channel overwrites do not apply to server-wide permissions.
    public static bool CanManageServer(Guild guild, ulong userId, IEnumerable<ulong> memberRoles)
    {
        if (guild.OwnerId == userId)
        {
            return true;
        }

        var held = memberRoles.Append(guild.Id).ToHashSet();
        var permissions = guild.Roles.Where(role => held.Contains(role.Id)).Aggregate(0UL, (all, role) => all | Parse(role.Permissions));
        return GrantsManageServer(permissions);
    }

    /// Whether these permissions (as Discord computed them for an interaction, or as summed above)
    /// let their holder manage the server: ADMINISTRATOR or MANAGE_GUILD.
    public static bool GrantsManageServer(ulong permissions) => (permissions & (Administrator | ManageGuild)) != 0;

    private static ulong Apply(ulong permissions, PermissionOverwrite? overwrite) =>
        overwrite is null ? permissions : (permissions & ~Parse(overwrite.Deny)) | Parse(overwrite.Allow);
}
