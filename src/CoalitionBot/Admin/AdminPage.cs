using System.Globalization;
using CoalitionBot.Activity;
using CoalitionBot.Digest;
using CoalitionBot.Localization;
using CoalitionBot.Operations;
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
    internal const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static void MapAdminPage(this IEndpointRouteBuilder endpoints)
    {
        var page = endpoints.MapGroup("/admin").AddEndpointFilter<AdminEnabledFilter>().ExcludeFromDescription().DisableAntiforgery();
        page.MapGet("", ShowAsync);
        page.MapPost("/login", SignInAsync);
        page.MapPost("/logout", SignOutAsync);
        page.MapPost("/logout-everywhere", SignOutEverywhereAsync);
        page.MapPost("/channels/{id}/{action}", ChangeChannelAsync);
        page.MapPost("/switches", SaveSwitchesAsync);
        page.MapPost("/audience", SaveAudienceAsync);
        page.MapPost("/actions/{key}", RunActionAsync);
        page.MapPost("/restart", RestartAsync);
        page.MapGet("/digests/{id}", ShowDigest);
        endpoints.MapAdminPreview();
        endpoints.MapAdminOperations();
        endpoints.MapAdminSignIn();
    }

    private static async Task<IResult> ShowAsync(
        HttpContext context, AdminSession session, AdminStatus status, AdminChannels channels, AdminAudience audience, LogBuffer logs, IEnumerable<IAdminAction> actions, DigestLedger ledger,
        ActivityReports reports, Storage.AuditTrail audit, IAntiforgery antiforgery, IOptions<LocaleOptions> locale, IOptions<Discord.DiscordOptions> discord, ILogger<AdminSession> logger, CancellationToken cancellationToken)
    {
        var texts = Texts(locale);
        var tokens = antiforgery.GetAndStoreTokens(context);
        if (session.SignedIn(context) is not { } actor)
        {
            return Html(context, AdminSignIn.SignInPage(texts, tokens.FormFieldName, tokens.RequestToken!, AdminForm.TakeFlash(context), discord.Value, session.HasToken));
        }

        var model = new AdminPageModel(
            texts,
            await status.StatusAsync(cancellationToken),
            await channels.ListAsync(cancellationToken),
            audience.Read(),
            logs.Recent(100),
            actions.ToList(),
            ledger.Latest(10).Select(r => new DigestLine(r.Id, r.State.ToString().ToLowerInvariant(), r.Messages, r.LastError, r.Html.Length > 0)).ToList(),
            locale.Value.GetZone(),
            tokens.FormFieldName,
            tokens.RequestToken!,
            AdminForm.TakeFlash(context))
        {
            Activity = ActivityCharts(reports, logger),
            Audit = AdminAuditSection.Read(audit, logger),
            SignedInAs = AdminSignIn.SignedInAs(actor, texts.Language),
        };
        return Html(context, AdminPageRenderer.Dashboard(model));
    }

    /// The page still shows when the database cannot be read (the status says why): the charts are then left out.
    private static (ActivityReport, ActivityReport)? ActivityCharts(ActivityReports reports, ILogger logger)
    {
        try
        {
            return (reports.Report(ReportPeriod.Month), reports.Report(ReportPeriod.Year));
        }
        catch (Exception exception) when (exception is LiteDB.LiteException or IOException or UnauthorizedAccessException or Storage.DatabaseInUseException)
        {
            Log.ActivityUnreadable(logger, exception.Message);
            return null;
        }
    }

    /// One digest as it was mailed (its HTML is ours: everything from Discord in it is escaped).
    private static IResult ShowDigest(string id, HttpContext context, AdminSession session, DigestLedger ledger)
    {
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

    private static Task<IResult> SignInAsync(
        HttpContext context, AdminSession session, FailedAttempts failures, Refusals refusals, AdminForm form, IOptions<LocaleOptions> locale, ILogger<AdminSession> logger)
    {
        var texts = Texts(locale);
        return form.SubmitWithoutSessionAsync(context, async () =>
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
        });
    }

    private static Task<IResult> SignOutAsync(HttpContext context, AdminSession session, AdminForm form) =>
        form.SubmitWithoutSessionAsync(context, () =>
        {
            session.SignOut(context);
            return Task.FromResult<string?>(null);
        });

    private static Task<IResult> SignOutEverywhereAsync(HttpContext context, AdminSession session, Storage.AuditTrail audit, AdminForm form, ILogger<AdminSession> logger) =>
        form.SubmitAsync(context, who =>
        {
            var count = session.SignOutEverywhere(context);
            Log.SessionsRevoked(logger, count);
            audit.Record(who, Storage.AuditKinds.SessionsRevoked, detail: count.ToString(CultureInfo.InvariantCulture));
            return Task.FromResult<string?>(null);
        });

    private static Task<IResult> ChangeChannelAsync(string id, string action, HttpContext context, AdminChannels channels, AdminForm form, IOptions<LocaleOptions> locale) =>
        form.SubmitAsync(context, who =>
        {
            if (!ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var channelId) || channelId == 0)
            {
                return Task.FromResult<string?>(null);
            }

            _ = action switch
            {
                "exclude" => channels.SetExcluded(channelId, excluded: true, who),
                "include" => channels.SetExcluded(channelId, excluded: false, who),
                "important" => channels.SetImportant(channelId, important: true, who),
                "unimportant" => channels.SetImportant(channelId, important: false, who),
                _ => false,
            };
            return Task.FromResult<string?>(Texts(locale).Done);
        });

    private static Task<IResult> SaveSwitchesAsync(HttpContext context, AdminSwitches switches, AdminForm form, IOptions<LocaleOptions> locale) =>
        form.SubmitAsync(context, async who =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            switches.Update(new SwitchesChange(form.ContainsKey("dailyMail"), form.ContainsKey("weeklySynthesis"), form.ContainsKey("summaries"), form.ContainsKey("abstracts")), who);
            return Texts(locale).Saved;
        });

    private static Task<IResult> SaveAudienceAsync(HttpContext context, AdminAudience audience, AdminForm form, IOptions<LocaleOptions> locale) =>
        form.SubmitAsync(context, async who =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            return audience.Set(form["role"].ToString(), who) is null ? Texts(locale).AudienceUnknownRole : Texts(locale).Saved;
        });

    private static Task<IResult> RunActionAsync(string key, HttpContext context, IEnumerable<IAdminAction> actions, Storage.AuditTrail audit, AdminForm form, AdminOperations operations, IOptions<LocaleOptions> locale) =>
        form.SubmitAsync(context, async who =>
        {
            if (actions.FirstOrDefault(a => a.Key == key) is not { } action)
            {
                return null;
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var language = locale.Value.GetLanguage();
            // A long action is recorded when it ends (AdminOperations); the others here, with what they answered.
            return action.RunsInBackground
                ? AdminOperationsPage.Start(context, operations, action, form["input"].ToString(), language, who)
                : await audit.RecordAsync(who, Storage.AuditKinds.ForAction(action.Key), () => action.ExecuteAsync(form["input"].ToString(), language, context.RequestAborted));
        });

    private static Task<IResult> RestartAsync(HttpContext context, IHostApplicationLifetime lifetime, Storage.AuditTrail audit, AdminForm form, IOptions<LocaleOptions> locale, ILogger<AdminSession> logger) =>
        form.SubmitAsync(context, who =>
        {
            Log.RestartRequested(logger, who.Name);
            audit.Record(who, Storage.AuditKinds.Restart);
            context.Response.OnCompleted(() =>
            {
                lifetime.StopApplication();
                return Task.CompletedTask;
            });
            return Task.FromResult<string?>(Texts(locale).Restarting);
        });

    private static ContentHttpResult Html(HttpContext context, string html)
    {
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    private static AdminTexts Texts(IOptions<LocaleOptions> locale) => AdminTexts.For(locale.Value.GetLanguage());
}
