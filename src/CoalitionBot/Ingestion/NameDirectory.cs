using System.Collections.Concurrent;
using System.Net;
using CoalitionBot.Digest;
using CoalitionBot.Discord;
using CoalitionBot.Storage;

namespace CoalitionBot.Ingestion;

/// Server nicknames, role names and the server's own name, asked of Discord once and kept for a
/// while: REST messages carry the user but not the member, so nicknames need Get Guild Member.
/// The roles' permissions are kept in the database (<see cref="RoleStore"/>): the digest's audience
/// is worked out from them.
internal sealed class NameDirectory(DiscordClient client, RoleStore storedRoles, DigestAudience audience, TimeProvider time)
{
    public static readonly TimeSpan MemberFreshness = TimeSpan.FromHours(6);
    public static readonly TimeSpan RoleFreshness = TimeSpan.FromHours(1);

    /// The roles' server-wide permissions change rarely; a quiet poll must not pay for them.
    public static readonly TimeSpan PermissionsFreshness = TimeSpan.FromHours(6);

    private readonly ConcurrentDictionary<ulong, (string? Nick, DateTimeOffset At)> members = new();
    private (IReadOnlyDictionary<ulong, string> Names, DateTimeOffset At)? roles;
    private DateTimeOffset? permissionsAt;

    /// The server's name as Discord last gave it with the roles; null until then.
    public string? ServerName { get; private set; }

    /// The member's server nickname, or null (none, or no longer a member). A failed lookup is not
    /// remembered, so the next poll asks again.
    public async Task<string?> NicknameAsync(ulong guildId, ulong userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (members.TryGetValue(userId, out var known) && now - known.At < MemberFreshness)
        {
            return known.Nick;
        }

        try
        {
            var member = await client.GetGuildMemberAsync(guildId, userId, cancellationToken);
            members[userId] = (member.Nick, now);
            return member.Nick;
        }
        catch (DiscordApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            members[userId] = (null, now);
            return null;
        }
        catch (DiscordApiException exception) when (exception.Status != HttpStatusCode.Unauthorized)
        {
            return known.Nick;
        }
    }

    /// The digest's audience, from the roles' permissions asked of Discord at most every
    /// <see cref="PermissionsFreshness"/> (while they cannot be read, the last ones stored).
    public async Task<AudienceView> AudienceAsync(ulong guildId, CancellationToken cancellationToken)
    {
        if (permissionsAt is not { } at || time.GetUtcNow() - at >= PermissionsFreshness)
        {
            await RoleNamesAsync(guildId, cancellationToken, force: true);
        }

        return audience.Current();
    }

    /// What is wrong with the audience after this poll's channels are stored (<see cref="DigestAudience.Problem"/>).
    public Operations.HealthMessage? AudienceProblem() => audience.Problem();

    public async Task<IReadOnlyDictionary<ulong, string>> RoleNamesAsync(ulong guildId, CancellationToken cancellationToken, bool force = false)
    {
        var now = time.GetUtcNow();
        if (!force && roles is { } cached && now - cached.At < RoleFreshness)
        {
            return cached.Names;
        }

        try
        {
            var guild = await client.GetGuildAsync(guildId, cancellationToken);
            var names = guild.Roles.ToDictionary(r => r.Id, r => r.Name);
            roles = (names, now);
            ServerName = string.IsNullOrWhiteSpace(guild.Name) ? ServerName : guild.Name;
            storedRoles.Replace([.. guild.Roles.Select(r => new StoredRole { Id = r.Id, Name = r.Name, Position = r.Position, Permissions = Permissions.Parse(r.Permissions) })]);
            permissionsAt = now;

            return names;
        }
        catch (DiscordApiException exception) when (exception.Status != HttpStatusCode.Unauthorized)
        {
            return roles?.Names ?? new Dictionary<ulong, string>();
        }
    }
}
