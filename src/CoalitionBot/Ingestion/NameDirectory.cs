using System.Collections.Concurrent;
using System.Net;
using CoalitionBot.Discord;

namespace CoalitionBot.Ingestion;

/// Server nicknames and role names, asked of Discord once and kept for a while: REST messages
/// carry the user but not the member, so nicknames need Get Guild Member.
internal sealed class NameDirectory(DiscordClient client, TimeProvider time)
{
    public static readonly TimeSpan MemberFreshness = TimeSpan.FromHours(6);
    public static readonly TimeSpan RoleFreshness = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<ulong, (string? Nick, DateTimeOffset At)> members = new();
    private (IReadOnlyDictionary<ulong, string> Names, DateTimeOffset At)? roles;

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

    public async Task<IReadOnlyDictionary<ulong, string>> RoleNamesAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (roles is { } cached && now - cached.At < RoleFreshness)
        {
            return cached.Names;
        }

        try
        {
            var list = await client.GetGuildRolesAsync(guildId, cancellationToken);
            var names = list.ToDictionary(r => r.Id, r => r.Name);
            roles = (names, now);
            return names;
        }
        catch (DiscordApiException exception) when (exception.Status != HttpStatusCode.Unauthorized)
        {
            return roles?.Names ?? new Dictionary<ulong, string>();
        }
    }
}
