using System.Globalization;
using System.Text;
using CoalitionBot.Digest;
using CoalitionBot.Localization;
using CoalitionBot.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Admin;

/// GET /admin and its forms: sign in with the token, then a server-side session behind an HttpOnly,
/// Secure, SameSite=Strict cookie; every form carries an anti-forgery token, and a form that fails
/// comes back with a message, never an error page.
internal static class AdminPage
{
    private const string FlashCookie = "coalitionbot_flash";
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static void MapAdminPage(this IEndpointRouteBuilder endpoints)
    {
        var page = endpoints.MapGroup("/admin").ExcludeFromDescription().DisableAntiforgery();
        page.MapGet("", ShowAsync);
        page.MapPost("/login", SignInAsync);
        page.MapPost("/logout", SignOutAsync);
        page.MapPost("/logout-everywhere", SignOutEverywhereAsync);
        page.MapPost("/channels/{id}/{action}", ChangeChannelAsync);
        page.MapPost("/switches", SaveSwitchesAsync);
        page.MapPost("/actions/{key}", RunActionAsync);
        page.MapPost("/restart", RestartAsync);
        page.MapGet("/digests/{id}", ShowDigest);
    }

    private static async Task<IResult> ShowAsync(
        HttpContext context, AdminSession session, AdminService admin, LogBuffer logs, IEnumerable<IAdminAction> actions, DigestLedger ledger,
        IAntiforgery antiforgery, IOptions<AdminOptions> options, IOptions<DigestOptions> digest, CancellationToken cancellationToken)
    {
        if (!options.Value.IsEnabled)
        {
            return TypedResults.NotFound();
        }

        var texts = Texts(digest);
        var tokens = antiforgery.GetAndStoreTokens(context);
        if (!session.IsSignedIn(context))
        {
            return Html(context, AdminPageRenderer.SignIn(texts, tokens.FormFieldName, tokens.RequestToken!, TakeFlash(context)));
        }

        var model = new AdminPageModel(
            texts,
            await admin.StatusAsync(cancellationToken),
            await admin.ChannelsAsync(cancellationToken),
            logs.Recent(100),
            actions.ToList(),
            ledger.Latest(10).Select(r => new DigestLine(r.Id, r.State.ToString().ToLowerInvariant(), r.Messages, r.LastError, r.Html.Length > 0)).ToList(),
            digest.Value.GetZone(),
            tokens.FormFieldName,
            tokens.RequestToken!,
            TakeFlash(context));
        return Html(context, AdminPageRenderer.Dashboard(model));
    }

    /// One digest as it was mailed (its HTML is ours: everything from Discord in it is escaped).
    private static IResult ShowDigest(string id, HttpContext context, AdminSession session, DigestLedger ledger, IOptions<AdminOptions> options)
    {
        if (!options.Value.IsEnabled)
        {
            return TypedResults.NotFound();
        }

        if (!session.IsSignedIn(context))
        {
            return TypedResults.Redirect("/admin");
        }

        if (ledger.Find(id) is not { Html.Length: > 0 } record)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Content(record.Html, "text/html; charset=utf-8");
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context, AdminSession session, FailedAttempts failures, Refusals refusals, IAntiforgery antiforgery, IOptions<AdminOptions> options, IOptions<DigestOptions> digest, ILogger<AdminSession> logger)
    {
        if (!options.Value.IsEnabled)
        {
            return TypedResults.NotFound();
        }

        var texts = Texts(digest);
        return await WithFormAsync(context, antiforgery, async () =>
        {
            if (!failures.MayTry(context))
            {
                refusals.Record(context, RefusalReason.AdminLockedOut);
                return texts.TooManyAttempts;
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (!session.IsValidToken(form["token"].ToString()))
            {
                failures.Record(context);
                refusals.Record(context, RefusalReason.WrongAdminToken);
                return texts.WrongToken;
            }

            session.SignIn(context);
            Log.SignedIn(logger, AdminSession.SignedInWithToken, context.Connection.RemoteIpAddress ?? System.Net.IPAddress.None);
            return null;
        }, requireSession: false);
    }

    private static Task<IResult> SignOutAsync(HttpContext context, AdminSession session, IAntiforgery antiforgery) =>
        WithFormAsync(context, antiforgery, () =>
        {
            session.SignOut(context);
            return Task.FromResult<string?>(null);
        }, requireSession: false);

    private static Task<IResult> SignOutEverywhereAsync(HttpContext context, AdminSession session, IAntiforgery antiforgery, ILogger<AdminSession> logger) =>
        WithFormAsync(context, antiforgery, () =>
        {
            var count = session.SignOutEverywhere(context);
            Log.SessionsRevoked(logger, count);
            return Task.FromResult<string?>(null);
        });

    private static Task<IResult> ChangeChannelAsync(string id, string action, HttpContext context, AdminService admin, IAntiforgery antiforgery, IOptions<DigestOptions> digest) =>
        WithFormAsync(context, antiforgery, () =>
        {
            if (!ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var channelId) || channelId == 0)
            {
                return Task.FromResult<string?>(null);
            }

            _ = action switch
            {
                "exclude" => admin.SetExcluded(channelId, excluded: true),
                "include" => admin.SetExcluded(channelId, excluded: false),
                "important" => admin.SetImportant(channelId, important: true),
                "unimportant" => admin.SetImportant(channelId, important: false),
                _ => false,
            };
            return Task.FromResult<string?>(Texts(digest).Done);
        });

    private static Task<IResult> SaveSwitchesAsync(HttpContext context, AdminService admin, IAntiforgery antiforgery, IOptions<DigestOptions> digest) =>
        WithFormAsync(context, antiforgery, async () =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            admin.UpdateSwitches(new SwitchesChange(form.ContainsKey("dailyMail"), form.ContainsKey("weeklySynthesis"), form.ContainsKey("summaries")));
            return Texts(digest).Saved;
        });

    private static Task<IResult> RunActionAsync(string key, HttpContext context, IEnumerable<IAdminAction> actions, IAntiforgery antiforgery, IOptions<DigestOptions> digest) =>
        WithFormAsync(context, antiforgery, async () =>
        {
            if (actions.FirstOrDefault(a => a.Key == key) is not { } action)
            {
                return null;
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var language = Languages.FromCode(digest.Value.Language);
            return await action.ExecuteAsync(form["input"].ToString(), language, context.RequestAborted);
        });

    private static Task<IResult> RestartAsync(HttpContext context, IHostApplicationLifetime lifetime, IAntiforgery antiforgery, IOptions<DigestOptions> digest, ILogger<AdminSession> logger) =>
        WithFormAsync(context, antiforgery, () =>
        {
            Log.RestartRequested(logger);
            context.Response.OnCompleted(() =>
            {
                lifetime.StopApplication();
                return Task.CompletedTask;
            });
            return Task.FromResult<string?>(Texts(digest).Restarting);
        });

    /// Checks the session and the anti-forgery token, runs the change, and redirects back to the
    /// page with its message (post, redirect, get).
    private static async Task<IResult> WithFormAsync(HttpContext context, IAntiforgery antiforgery, Func<Task<string?>> change, bool requireSession = true)
    {
        var services = context.RequestServices;
        var session = services.GetRequiredService<AdminSession>();
        if (!services.GetRequiredService<IOptions<AdminOptions>>().Value.IsEnabled)
        {
            return TypedResults.NotFound();
        }

        if (requireSession && !session.IsSignedIn(context))
        {
            return TypedResults.Redirect("/admin");
        }

        var texts = Texts(services.GetRequiredService<IOptions<DigestOptions>>());
        if (!await IsValidFormAsync(context, antiforgery))
        {
            services.GetRequiredService<Refusals>().Record(context, RefusalReason.StaleAdminForm);
            SetFlash(context, texts.StaleForm);
            return TypedResults.Redirect("/admin", permanent: false, preserveMethod: false);
        }

        string? message;
        try
        {
            message = await change();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            // Whatever an action throws comes back as a sentence on the page, and one line in the log;
            // a form that could not be read before sign-in (a sender without the token) is counted instead.
            var reason = services.GetRequiredService<LogBuffer>().Redact(UnhandledExceptions.OneLine(exception.Message));
            if (requireSession || exception is not (InvalidDataException or BadHttpRequestException))
            {
                Log.ActionFailed(services.GetRequiredService<ILogger<AdminSession>>(), context.Request.Path.Value ?? "", exception.GetType().Name, reason);
            }
            else
            {
                services.GetRequiredService<Refusals>().Record(context, RefusalReason.BodyUnreadable);
            }

            message = texts.ActionFailed + reason;
        }

        if (message is not null)
        {
            SetFlash(context, message);
        }

        return TypedResults.Redirect("/admin");
    }

    /// A form whose body cannot even be read (over the form limits, cut off) is as invalid as one
    /// without its anti-forgery token: the sender gets the page back, not an error.
    private static async Task<bool> IsValidFormAsync(HttpContext context, IAntiforgery antiforgery)
    {
        try
        {
            return context.Request.HasFormContentType && await antiforgery.IsRequestValidAsync(context);
        }
        catch (Exception exception) when (exception is AntiforgeryValidationException or InvalidDataException or BadHttpRequestException)
        {
            return false;
        }
    }

    private static ContentHttpResult Html(HttpContext context, string html)
    {
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    private static void SetFlash(HttpContext context, string message) =>
        context.Response.Cookies.Append(FlashCookie, Convert.ToBase64String(Encoding.UTF8.GetBytes(message)), new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            Path = "/admin",
            MaxAge = TimeSpan.FromMinutes(1),
        });

    private static string? TakeFlash(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(FlashCookie, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        context.Response.Cookies.Delete(FlashCookie, new CookieOptions { Path = "/admin", Secure = true, SameSite = SameSiteMode.Strict, HttpOnly = true });
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static AdminTexts Texts(IOptions<DigestOptions> digest) => AdminTexts.For(Languages.FromCode(digest.Value.Language));
}
