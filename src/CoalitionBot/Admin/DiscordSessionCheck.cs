using CoalitionBot.Localization;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Admin;

/// Before each admin page request, a session opened with Discord is checked again with the bot token
/// at most every <see cref="Interval"/>: someone who left the server or lost Manage Server is signed
/// out there and then. While Discord cannot be asked, the session goes on, but no longer than
/// <see cref="AdminSession.DiscordCheckGrace"/> past its last successful check (AdminSession ends it).
internal sealed class DiscordSessionCheck(AdminSession session, AdminSessionStore store, DiscordModerators moderators, TimeProvider time, IOptions<LocaleOptions> locale, ILogger<AdminSession> logger)
    : IEndpointFilter
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    /// A page view waits this long at most for Discord; past it, the check counts as Discord unreachable.
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(5);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.Path.StartsWithSegments("/admin/api"))
        {
            // The API answers to the token alone, never to a session.
            return await next(context);
        }

        var now = time.GetUtcNow();
        if (session.Find(http) is not { SignedInWith: AdminSignIn.SignedInWithDiscord } record
            || record.Actor().Id is not { } userId
            || now - record.CheckedAt < Interval)
        {
            return await next(context);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        limit.CancelAfter(TimeLimit);
        var (verdict, problem, _) = await moderators.CheckAsync(userId, limit.Token);
        var name = record.UserName;
        switch (verdict)
        {
            case ModeratorVerdict.Moderator:
                record.CheckedAt = now;
                store.Save(record);
                break;
            case ModeratorVerdict.Unreachable:
                Log.SessionCheckUnreachable(logger, name, userId, UnhandledExceptionsLine(problem), record.CheckedAt + AdminSession.DiscordCheckGrace);
                break;
            default:
                session.SignOut(http);
                Log.SessionEndedByCheck(logger, name, userId, verdict == ModeratorVerdict.NotMember ? "no longer a member of the server" : "no longer has Manage Server");
                AdminForm.SetFlash(http, SignInTexts.For(locale.Value.GetLanguage()).NoLongerModerator);
                return TypedResults.Redirect("/admin");
        }

        return await next(context);
    }

    private static string UnhandledExceptionsLine(string? problem) => Security.UnhandledExceptions.OneLine(problem ?? "");
}
