using System.Globalization;
using CoalitionBot.Discord;
using CoalitionBot.Discord.Models;
using CoalitionBot.Operations;
using CoalitionBot.Storage;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Digest;

/// Who the digest is for: a role (Digest:AudienceRole, or the one a moderator chose), and so which
/// channels are mailed. A channel that role cannot see is mailed only when marked important.
internal sealed class DigestAudience(
    SettingsStore settings, RoleStore roles, ChannelStore channels, ChannelListStore lists, AuditTrail audit, IOptions<DigestOptions> options, IOptions<DiscordOptions> discord)
{
    public const string Everyone = "@everyone";

    /// Discord's longest role name.
    public const int MaxReferenceLength = 100;

    /// The audience now: the stored choice, else the configuration key, resolved against the roles
    /// Discord last gave.
    public AudienceView Current()
    {
        var choice = settings.Audience();
        var configured = string.IsNullOrWhiteSpace(options.Value.AudienceRole) ? Everyone : options.Value.AudienceRole.Trim();
        return AudienceView.Resolve(discord.Value.GuildSnowflake ?? 0, choice?.Role ?? configured, roles.All(), choice);
    }

    /// A moderator's choice: stored with who and when (and in the audit trail, with the audience it
    /// replaces), and every stored channel's view worked out
    /// again at once (the next digest follows it without waiting for a poll). Null when the reference
    /// names no role of the server as last seen; the choice is then not stored.
    public AudienceView? Choose(string reference, Actor actor, StoredRole? resolved = null)
    {
        if (resolved is not null)
        {
            roles.Upsert(resolved);
        }

        var guildId = discord.Value.GuildSnowflake ?? 0;
        var trimmed = reference.Trim();
        var view = AudienceView.Resolve(guildId, trimmed, roles.All(), null);
        if (!view.Found && view.RolesKnown)
        {
            return null;
        }

        // The trail's entry and the stored choice carry the same who and when.
        var recorded = audit.Record(actor, AuditKinds.Audience, view.RoleId?.ToString(CultureInfo.InvariantCulture) ?? trimmed, view.Label, Current().Label);
        var choice = new AudienceChoice { Role = trimmed, ChangedById = actor.Id, ChangedBy = actor.Name, ChangedAt = recorded.At };
        settings.SetAudience(choice);
        Recompute();
        return view with { Choice = choice };
    }

    /// Works out again which stored channels the audience sees, from their stored overwrites;
    /// channels stored before overwrites were kept stay as they are until the next poll.
    public void Recompute()
    {
        var view = Current();
        var stored = channels.All();
        var byId = stored.Where(c => c.Overwrites is not null).ToDictionary(c => c.Id, c => c.ToChannel());
        List<StoredChannel> changed = [];
        foreach (var channel in stored)
        {
            var known = ChannelTypes.IsThread(channel.Type) ? channel.ParentId is { } parent && byId.ContainsKey(parent) : channel.Overwrites is not null;
            if (known && view.CanView(channel.ToChannel(), byId) is var canView && canView != channel.AudienceCanView)
            {
                changed.Add(channel with { AudienceCanView = canView });
            }
        }

        if (changed.Count > 0)
        {
            channels.Upsert(changed);
        }
    }

    /// The stored channels the digest follows (not threads, not excluded, nor in an excluded
    /// category), and how many of them the audience sees.
    public (int Followed, int Visible) Followed()
    {
        var excluded = lists.Excluded().Where(e => e.ChannelId is not null).Select(e => e.ChannelId!.Value).ToHashSet();
        var followed = channels.All().Where(c => ChannelTypes.IsDigestible(c.Type) && !excluded.Contains(c.Id) && !(c.ParentId is { } p && excluded.Contains(p))).ToList();
        return (followed.Count, followed.Count(c => c.AudienceCanView));
    }

    /// Why the digest may be missing what members expect; null when all is well: the audience
    /// names no role of the server, or no channel the digest follows is visible to it.
    public HealthMessage? Problem()
    {
        var view = Current();
        if (!view.Found && view.RolesKnown)
        {
            return texts => HealthTexts.Format(texts.AudienceRoleUnknownFormat, view.Reference);
        }

        var (followed, visible) = Followed();
        return followed == 0 || visible > 0 ? null : texts => HealthTexts.Format(texts.AudienceSeesNothingFormat, view.Label);
    }
}

/// The audience resolved against the server's roles. RoleId is the role's id (the server's for
/// @everyone), null when the reference names no known role; RolesKnown is false until Discord has
/// given the roles once (@everyone is then assumed to see channels).
internal sealed record AudienceView(
    ulong GuildId, string Reference, ulong? RoleId, string RoleName, bool RolesKnown, ulong EveryonePermissions, ulong RolePermissions, AudienceChoice? Choice)
{
    public bool Found => RoleId is not null;

    /// "@Membre", or the reference as given when it names no role.
    public string Label => Found ? (RoleName.StartsWith('@') ? RoleName : "@" + RoleName) : Reference;

    public static AudienceView Resolve(ulong guildId, string reference, IReadOnlyList<StoredRole> roles, AudienceChoice? choice)
    {
        var everyone = roles.FirstOrDefault(r => r.Id == guildId);
        var everyonePermissions = everyone?.Permissions ?? Permissions.ViewChannel;
        var role = Find(guildId, reference, roles);
        var rolesKnown = everyone is not null;
        if (role is null && IsEveryone(guildId, reference))
        {
            return new AudienceView(guildId, reference, guildId, DigestAudience.Everyone, rolesKnown, everyonePermissions, everyonePermissions, choice);
        }

        return role is null
            ? new AudienceView(guildId, reference, null, DigestAudience.Everyone, rolesKnown, everyonePermissions, everyonePermissions, choice)
            : new AudienceView(guildId, reference, role.Id, role.Id == guildId ? DigestAudience.Everyone : role.Name, rolesKnown, everyonePermissions, role.Permissions, choice);
    }

    /// Whether a member holding only @everyone and the audience role sees the channel. A thread
    /// follows its parent; a private thread is never seen. A channel's own overwrites decide, as on
    /// Discord (a category's reach it through Discord's sync, which copies them); a channel listed
    /// without any takes its category's.
    public bool CanView(Channel channel, IReadOnlyDictionary<ulong, Channel> byId)
    {
        if (channel.Type == ChannelTypes.PrivateThread)
        {
            return false;
        }

        if (ChannelTypes.IsThread(channel.Type))
        {
            return channel.ParentId is { } parentId && byId.TryGetValue(parentId, out var parent) ? CanView(parent, byId) : CanView(null);
        }

        var overwrites = channel.PermissionOverwrites
            ?? (channel.ParentId is { } categoryId && byId.TryGetValue(categoryId, out var category) ? category.PermissionOverwrites : null);
        return CanView(overwrites);
    }

    private bool CanView(IReadOnlyList<PermissionOverwrite>? overwrites) =>
        Permissions.RoleCanView(GuildId, EveryonePermissions, RoleId ?? GuildId, RoleId is null ? EveryonePermissions : RolePermissions, overwrites);

    private static bool IsEveryone(ulong guildId, string reference) =>
        reference.TrimStart('@').Equals("everyone", StringComparison.OrdinalIgnoreCase)
        || reference == guildId.ToString(CultureInfo.InvariantCulture);

    /// By id, else by name without regard to case, accents or a leading @ (the highest role first).
    private static StoredRole? Find(ulong guildId, string reference, IReadOnlyList<StoredRole> roles)
    {
        var trimmed = reference.Trim();
        if (IsEveryone(guildId, trimmed))
        {
            return roles.FirstOrDefault(r => r.Id == guildId);
        }

        if (ulong.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && roles.FirstOrDefault(r => r.Id == id) is { } byId)
        {
            return byId;
        }

        var folded = ChannelListStore.Fold(trimmed.TrimStart('@'));
        return roles.FirstOrDefault(r => r.Id != guildId && ChannelListStore.Fold(r.Name) == folded);
    }
}
