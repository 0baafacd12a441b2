using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using CoalitionBot.Discord;
using CoalitionBot.Localization;
using CoalitionBot.Security;
using CoalitionBot.Storage;
using CoalitionBot.Templates;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Admin;

/// "Sign in with Discord" (OAuth2 authorization code flow, identify scope; discord-spec.md §10.1).
/// GET /admin/signin/discord sends the browser to Discord with a random state, also kept in a
/// short-lived cookie; GET /admin/signin/discord/callback checks that state first, exchanges the
/// code, reads who signed in, revokes that token, then asks Discord with the bot token whether the
/// person is a member of the server with Manage Server. Every outcome comes back to the admin page
/// with a sentence; none is an error page.
internal static class AdminSignIn
{
    public const string StartPath = "/admin/signin/discord";
    public const string CallbackPath = DiscordOptionsValidator.CallbackPath;
    public const string SignedInWithDiscord = "discord";
    public const string StateCookie = "coalitionbot_signin_state";

    /// Long enough to read Discord's consent screen, short enough that a stale tab starts again.
    public static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    /// How long a sign-in waits for Discord's answers, all requests together.
    public static readonly TimeSpan DiscordTimeLimit = TimeSpan.FromSeconds(20);

    private const int StateBytes = 32;

    public static void MapAdminSignIn(this IEndpointRouteBuilder endpoints)
    {
        var signIn = endpoints.MapGroup(StartPath).ExcludeFromDescription().DisableAntiforgery();
        signIn.MapGet("", Start);
        signIn.MapGet("/callback", CallbackAsync);
    }

    /// The sign-in page: "Se connecter avec Discord" when it is configured, and the token form (for
    /// the maintainer) when Admin:Token is set.
    public static string SignInPage(AdminTexts texts, string antiforgeryField, string antiforgeryToken, string? error, DiscordOptions discord, bool hasToken)
    {
        var signIn = SignInTexts.For(texts.Language);
        var withDiscord = Html.If(discord.HasSignIn, $"""<p><a class="discord" href="{StartPath}">{signIn.WithDiscord}</a></p>""");
        var tokenHeading = Html.If(discord.HasSignIn, $"<h3>{signIn.WithToken}</h3>");
        return AdminPageRenderer.SignIn(texts, antiforgeryField, antiforgeryToken, error, withDiscord, tokenHeading, hasToken);
    }

    /// "Connecté·e en tant que …" on the dashboard, for a session opened with Discord.
    public static Html SignedInAs(Actor actor, Language language) =>
        Html.If(actor.Id is not null, $"""<p class="who" data-signed-in="{actor.Id}"><small>{string.Format(System.Globalization.CultureInfo.InvariantCulture, SignInTexts.For(language).SignedInAsFormat, actor.Name)}</small></p>""");

    private static IResult Start(HttpContext context, IOptions<DiscordOptions> discord, FailedAttempts failures, Refusals refusals, IOptions<LocaleOptions> locale)
    {
        var options = discord.Value;
        if (!options.HasSignIn)
        {
            return TypedResults.NotFound();
        }

        NoStore(context);
        if (!failures.MayTry(context))
        {
            refusals.Record(context, RefusalReason.AdminLockedOut);
            AdminForm.SetFlash(context, AdminTexts.For(locale.Value.GetLanguage()).TooManyAttempts);
            return TypedResults.Redirect("/admin");
        }

        var state = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(StateBytes));
        context.Response.Cookies.Append(StateCookie, state, StateCookieOptions(StateLifetime));
        var authorize = new StringBuilder(options.AuthorizeUrl.Trim())
            .Append(options.AuthorizeUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?')
            .Append("response_type=code")
            .Append("&client_id=").Append(Uri.EscapeDataString(options.ApplicationId!.Trim()))
            .Append("&scope=identify")
            .Append("&state=").Append(state)
            .Append("&redirect_uri=").Append(Uri.EscapeDataString(options.RedirectUri!.Trim()));
        return TypedResults.Redirect(authorize.ToString());
    }

    private static async Task<IResult> CallbackAsync(
        HttpContext context, IOptions<DiscordOptions> discord, DiscordClient client, DiscordModerators moderators, AdminSession session,
        FailedAttempts failures, Refusals refusals, IOptions<LocaleOptions> locale, ILogger<AdminSession> logger)
    {
        if (!discord.Value.HasSignIn)
        {
            return TypedResults.NotFound();
        }

        var language = locale.Value.GetLanguage();
        var texts = SignInTexts.For(language);
        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        NoStore(context);
        var stateMatches = StateMatches(context);
        context.Response.Cookies.Delete(StateCookie, StateCookieOptions(null));
        if (!failures.MayTry(context))
        {
            refusals.Record(context, RefusalReason.AdminLockedOut);
            return Refused(context, language, AdminTexts.For(language).TooManyAttempts, StatusCodes.Status429TooManyRequests);
        }

        // The state first: without it, anyone could sign a moderator's browser in as someone else.
        if (!stateMatches)
        {
            return Failed(context, failures, refusals, RefusalReason.SignInStateMismatch, language, texts.StateMismatch);
        }

        var query = context.Request.Query;
        if (query.ContainsKey("error"))
        {
            return query["error"].ToString() == "access_denied"
                ? Failed(context, failures, refusals, RefusalReason.SignInDeclined, language, texts.Denied)
                : Failed(context, failures, refusals, RefusalReason.SignInCodeRefused, language, texts.ExchangeFailed);
        }

        if (query["code"].ToString() is not { Length: > 0 and <= 512 } code)
        {
            return Failed(context, failures, refusals, RefusalReason.SignInCodeRefused, language, texts.ExchangeFailed);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        limit.CancelAfter(DiscordTimeLimit);
        Discord.Models.User user;
        try
        {
            var token = await client.ExchangeCodeAsync(code, limit.Token);
            try
            {
                user = await client.GetCurrentUserAsync(token.AccessToken, limit.Token);
            }
            finally
            {
                await RevokeAsync(client, token.AccessToken, logger, limit.Token);
            }
        }
        catch (DiscordApiException exception) when (exception.Route == "POST oauth2/token" && exception.Status == HttpStatusCode.BadRequest)
        {
            return Failed(context, failures, refusals, RefusalReason.SignInCodeRefused, language, texts.ExchangeFailed);
        }
        catch (DiscordApiException exception) when (exception.Route == "POST oauth2/token" && exception.Status == HttpStatusCode.Unauthorized)
        {
            // invalid_client: the application's own credentials, not the person's doing.
            Log.ClientRefused(logger);
            return Refused(context, language, texts.Unreachable, StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception exception) when (DiscordModerators.IsUnreachable(exception, limit.Token))
        {
            Log.SignInUnreachable(logger, OneLine(exception.Message), address);
            return Refused(context, language, texts.Unreachable, StatusCodes.Status503ServiceUnavailable);
        }

        var (verdict, problem, nick) = await moderators.CheckAsync(user.Id, limit.Token);
        // Named as the server shows them, as slash commands name them: the lists and the history read the same.
        var who = Actor.Member(user.Id, nick, user.GlobalName, user.Username);
        var name = who.Name;
        switch (verdict)
        {
            case ModeratorVerdict.Moderator:
                try
                {
                    session.SignIn(context, who, SignedInWithDiscord);
                }
                catch (Exception exception) when (exception is LiteDB.LiteException or IOException or UnauthorizedAccessException or DatabaseInUseException)
                {
                    // Sessions live in the database: unusable, the sign-in says so, as the token's form does.
                    var reason = OneLine(exception.Message);
                    Log.ActionFailed(logger, CallbackPath, exception.GetType().Name, reason);
                    return Refused(context, language, AdminTexts.For(language).ActionFailed + reason, StatusCodes.Status503ServiceUnavailable);
                }

                Log.SignedInWithDiscord(logger, name, user.Id, address);
                return MovingOn(context, language, null, StatusCodes.Status200OK);
            case ModeratorVerdict.Unreachable:
                Log.SignInUnreachable(logger, OneLine(problem ?? ""), address);
                return Refused(context, language, texts.Unreachable, StatusCodes.Status503ServiceUnavailable);
            default:
                failures.Record(context);
                var notMember = verdict == ModeratorVerdict.NotMember;
                Log.SignInRefused(logger, name, user.Id, notMember ? "not a member of the server" : "no Manage Server permission", address);
                return Refused(context, language, notMember ? texts.NotMember : texts.NotManager, StatusCodes.Status403Forbidden);
        }
    }

    /// The state in the query equals the one in this browser's cookie (compared in constant time).
    private static bool StateMatches(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(StateCookie, out var expected) || string.IsNullOrEmpty(expected))
        {
            return false;
        }

        var given = context.Request.Query["state"].ToString();
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }

    /// The access token is needed for users/@me only; a token left alive would let whoever finds it
    /// read that account's name for a week. A failure to revoke does not stop the sign-in.
    private static async Task RevokeAsync(DiscordClient client, string accessToken, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await client.RevokeTokenAsync(accessToken, cancellationToken);
        }
        catch (Exception exception) when (DiscordModerators.IsUnreachable(exception, cancellationToken))
        {
            Log.RevokeFailed(logger, OneLine(exception.Message));
        }
    }

    /// A refusal before Discord has said who signed in: counted toward the lockout, and logged at
    /// most once a minute (Refusals), since anyone can send it.
    private static ContentHttpResult Failed(HttpContext context, FailedAttempts failures, Refusals refusals, RefusalReason reason, Language language, string message)
    {
        failures.Record(context);
        refusals.Record(context, reason);
        return Refused(context, language, message, StatusCodes.Status403Forbidden);
    }

    private static ContentHttpResult Refused(HttpContext context, Language language, string message, int status)
    {
        AdminForm.SetFlash(context, message);
        return MovingOn(context, language, message, status);
    }

    /// A small page that moves on to /admin by itself (meta refresh, and a link), rather than a 302:
    /// the browser arrives here from Discord, and a redirect chain that started on another site does
    /// not carry the SameSite=Strict session cookie; a navigation started by this page does.
    private static ContentHttpResult MovingOn(HttpContext context, Language language, string? message, int status)
    {
        var texts = SignInTexts.For(language);
        var admin = AdminTexts.For(language);
        context.Response.Headers.ContentSecurityPolicy = AdminPage.ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var html = Html.Of($"""
            <!DOCTYPE html><html lang="{admin.Lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">
            <meta http-equiv="refresh" content="0; url=/admin"><title>{admin.Title}</title></head>
            <body><main><h1>{admin.Title}</h1><p role="status">{message ?? texts.MovingOn}</p><p><a href="/admin">{texts.Continue}</a></p></main></body></html>
            """).ToString();
        return TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static void NoStore(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
    }

    /// HttpOnly and Secure; SameSite=Lax, as it must come back on Discord's top-level redirect; sent
    /// to the callback only.
    private static CookieOptions StateCookieOptions(TimeSpan? lifetime) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Lax,
        Path = CallbackPath,
        MaxAge = lifetime,
        IsEssential = true,
    };

    private static string OneLine(string text) => UnhandledExceptions.OneLine(text);
}
