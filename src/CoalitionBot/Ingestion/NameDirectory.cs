using System.Collections.Concurrent;
using System.Net;
using CoalitionBot.Discord;

namespace CoalitionBot.Ingestion;

/// Server nicknames, role names and the server's own name, asked of Discord once and kept for a
/// while: REST messages carry the user but not the member, so nicknames need Get Guild Member.
internal sealed class NameDirectory(DiscordClient client, TimeProvider time)
{
    public static readonly TimeSpan MemberFreshness = TimeSpan.FromHours(6);
    public static readonly TimeSpan RoleFreshness = TimeSpan.FromHours(1);

    /// The server-wide right of @everyone to see channels changes rarely; a quiet poll must not pay for it.
    public static readonly TimeSpan EveryoneFreshness = TimeSpan.FromHours(6);

    private readonly ConcurrentDictionary<ulong, (string? Nick, DateTimeOffset At)> members = new();
    private (IReadOnlyDictionary<ulong, string> Names, DateTimeOffset At)? roles;
    private (bool CanView, DateTimeOffset At)? everyone;

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

    /// Whether the @everyone role (its id is the server's) may view channels at all, before any
    /// channel's own overwrite; true while it cannot be read (the digest then relies on overwrites).
    public async Task<bool> EveryoneCanViewServerAsync(ulong guildId, CancellationToken cancellationToken)
    {
        if (everyone is { } cached && time.GetUtcNow() - cached.At < EveryoneFreshness)
        {
            return cached.CanView;
        }

        await RoleNamesAsync(guildId, cancellationToken, force: true);
        return everyone?.CanView ?? true;
    }

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
            if (guild.Roles.FirstOrDefault(r => r.Id == guildId) is { } everyoneRole)
            {
                var permissions = ulong.TryParse(everyoneRole.Permissions, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits) ? bits : 0;
                everyone = ((permissions & (ChannelDiscovery.ViewChannel | ChannelDiscovery.Administrator)) != 0, now);
            }

            return names;
        }
        catch (DiscordApiException exception) when (exception.Status != HttpStatusCode.Unauthorized)
        {
            return roles?.Names ?? new Dictionary<ulong, string>();
        }
    }
}
