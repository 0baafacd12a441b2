using System.Net;
using System.Text.Json;
using CoalitionBot.Discord;
using CoalitionBot.Discord.RateLimits;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Admin;

/// What Discord says of someone who wants the admin page.
internal enum ModeratorVerdict
{
    /// A member of the server with Manage Server (or Administrator, or its owner).
    Moderator,

    /// Not (or no longer) a member of the configured server.
    NotMember,

    /// A member without Manage Server.
    NotManager,

    /// Discord could not be asked (down, slow, or refusing the bot token).
    Unreachable,
}

/// Asks Discord, with the bot token, whether a person may use the admin page: a member of the
/// configured server with Manage Server, computed from their roles as Discord does
/// (<see cref="Permissions.CanManageServer"/>), the same rule the slash commands follow.
internal sealed class DiscordModerators(DiscordClient client, IOptions<DiscordOptions> options)
{
    /// Discord's "Unknown Member" and "Unknown User" codes on Get Guild Member.
    private const int UnknownMember = 10007;
    private const int UnknownUser = 10013;

    /// The verdict, for <see cref="ModeratorVerdict.Unreachable"/> one line saying why (no secret in
    /// it), and the member's nickname on the server when they have one (the name changes are recorded under).
    public async Task<(ModeratorVerdict Verdict, string? Problem, string? Nick)> CheckAsync(ulong userId, CancellationToken cancellationToken)
    {
        if (options.Value.GuildSnowflake is not { } guildId)
        {
            return (ModeratorVerdict.Unreachable, "Discord:GuildId is not set", null);
        }

        try
        {
            var member = await client.GetGuildMemberAsync(guildId, userId, cancellationToken);
            var guild = await client.GetGuildAsync(guildId, cancellationToken);
            return Permissions.CanManageServer(guild, userId, member.Roles ?? [])
                ? (ModeratorVerdict.Moderator, null, member.Nick)
                : (ModeratorVerdict.NotManager, null, member.Nick);
        }
        catch (DiscordApiException exception) when (exception.Status == HttpStatusCode.NotFound && exception.Code is UnknownMember or UnknownUser)
        {
            return (ModeratorVerdict.NotMember, null, null);
        }
        catch (Exception exception) when (IsUnreachable(exception, cancellationToken))
        {
            return (ModeratorVerdict.Unreachable, exception.Message, null);
        }
    }

    /// Discord down, slow (the caller's time limit), rate-limited, answering an error or something unreadable.
    public static bool IsUnreachable(Exception exception, CancellationToken cancellationToken) =>
        exception is DiscordApiException or HttpRequestException or JsonException or RateLimitedException or InvalidRequestBudgetException
        || (exception is OperationCanceledException && cancellationToken.IsCancellationRequested);
}
