using CoalitionBot.Digest;
using CoalitionBot.Localization;
using CoalitionBot.Operations;
using CoalitionBot.Storage;
using CoalitionBot.Templates;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Admin;

/// The long actions' status panel (GET /admin/operations/{id}) and the digests' resend button
/// (POST /admin/digests/{id}/resend). A form that starts a long action answers 303 to the panel,
/// which reloads itself every 2 seconds (a Refresh header, no script; it can be turned off) until
/// the outcome is there.
internal static class AdminOperationsPage
{
    public const string PanelPath = "/admin/operations/";

    /// How often a running action's panel reloads itself.
    public const string RefreshSeconds = "2";

    public static void MapAdminOperations(this IEndpointRouteBuilder endpoints)
    {
        var page = endpoints.MapGroup("/admin").AddEndpointFilter<AdminEnabledFilter>().ExcludeFromDescription().DisableAntiforgery();
        page.MapGet("/operations/{id}", Show);
        page.MapPost("/digests/{id}/resend", ResendAsync);
    }

    /// Starts an action of the page in the background (or finds it running) and sends the browser to its panel.
    public static string? Start(HttpContext context, AdminOperations operations, IAdminAction action, string? input, Language language, Actor who)
    {
        var operation = operations.Start(action.Key, action.Label(language), who, language, token => action.RunAsync(input, language, token));
        AdminForm.ShowAfter(context, PanelPath + operation.Id);
        return null;
    }

    /// A digest row's "Renvoyer" button: days that went out or were given up on.
    public static Html ResendButton(DigestLine digest, AdminTexts texts, string antiforgeryField, string antiforgeryToken) =>
        digest.State is "sent" or "failed" && AdminPreview.TryParseDay(digest.Id, out _)
            ? Html.Of($"""<form class="inline" method="post" action="/admin/digests/{digest.Id}/resend"><input type="hidden" name="{antiforgeryField}" value="{antiforgeryToken}"><button type="submit">{OperationTexts.For(texts.Language).Resend}</button></form>""")
            : Html.Empty;

    private static Task<IResult> ResendAsync(string id, HttpContext context, AdminForm form, AdminOperations operations, DigestService digests, IOptions<LocaleOptions> locale) =>
        form.SubmitAsync(context, who =>
        {
            var language = locale.Value.GetLanguage();
            var texts = OperationTexts.For(language);
            var culture = AdminTexts.For(language).Culture;
            if (!AdminPreview.TryParseDay(id, out var day) || day > digests.LastCompleteDay())
            {
                return Task.FromResult<string?>(string.Format(culture, texts.NotADigestFormat, id.Length > 40 ? id[..40] + "…" : id));
            }

            var operation = operations.Start(
                "resend-" + DigestLedger.Key(day),
                string.Format(culture, texts.ResendDoingFormat, day),
                who,
                language,
                token => SendDigestNowAction.SendAsync(digests, day, resend: true, language, token));
            AdminForm.ShowAfter(context, PanelPath + operation.Id);
            return Task.FromResult<string?>(null);
        });

    private static IResult Show(string id, HttpContext context, AdminSession session, AdminOperations operations, IOptions<LocaleOptions> locale, TimeProvider time)
    {
        if (session.SignedIn(context) is null)
        {
            return TypedResults.Redirect("/admin");
        }

        var language = locale.Value.GetLanguage();
        var admin = AdminTexts.For(language);
        var texts = OperationTexts.For(language);
        context.Response.Headers.ContentSecurityPolicy = AdminPage.ContentSecurityPolicy;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var back = Html.Of($"""<p><a href="/admin">{texts.Back}</a></p>""");
        if (operations.Find(id) is not { } operation)
        {
            var unknown = Html.Of($"""{back}<section data-operation="unknown"><h2>{texts.UnknownHeading}</h2><p role="alert">{texts.Unknown}</p></section>""");
            return TypedResults.Content(AdminPageRenderer.Page(admin, unknown), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        var zone = locale.Value.GetZone();
        var culture = admin.Culture;
        var started = TimeZoneInfo.ConvertTime(operation.StartedAt, zone);
        var by = string.Format(culture, texts.StartedByFormat, admin.Who(operation.By.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture), operation.By.Name));
        if (operation.Result is not { } result)
        {
            // The Refresh header reloads the panel every 2 seconds without script; a moderator who
            // does not want the page to change under them (a screen reader) turns it off (WCAG 2.2.1).
            var refreshes = !string.Equals(context.Request.Query["refresh"].ToString(), "off", StringComparison.Ordinal);
            if (refreshes)
            {
                context.Response.Headers["Refresh"] = RefreshSeconds;
            }

            var seconds = Math.Max(0, (int)(time.GetUtcNow() - operation.StartedAt).TotalSeconds);
            var control = refreshes
                ? Html.Of($"""{texts.RefreshNote} <a href="{PanelPath}{operation.Id}?refresh=off">{texts.StopRefresh}</a>""")
                : Html.Of($"""<a href="{PanelPath}{operation.Id}?refresh=off">{texts.Reload}</a>""");
            var running = Html.Of($"""
                {back}<section data-operation="{operation.Id}"><h2>{texts.RunningHeading}</h2><p><strong>{operation.Doing}</strong></p>
                <p role="status" data-operation-state="running">{string.Format(culture, texts.RunningFormat, started, seconds)}</p>
                <p><small>{by}</small></p><p data-operation-refresh="{(refreshes ? "on" : "off")}">{control}</p></section>
                """);
            return TypedResults.Content(AdminPageRenderer.Page(admin, running), "text/html; charset=utf-8");
        }

        var finished = operation.FinishedAt ?? operation.StartedAt;
        var took = Math.Round((finished - operation.StartedAt).TotalSeconds, 1).ToString(culture);
        var done = Html.Of($"""
            {back}<section data-operation="{operation.Id}"><h2>{(result.Failed ? texts.FailedHeading : texts.DoneHeading)}</h2><p><strong>{operation.Doing}</strong></p>
            <p role="status" class="{(result.Failed ? "bad" : "ok")}" data-operation-state="{(result.Failed ? "failed" : "done")}">{result.Message}</p>
            <p><small>{string.Format(culture, result.Failed ? texts.FailedFormat : texts.SucceededFormat, TimeZoneInfo.ConvertTime(finished, zone), took)} {by}</small></p></section>
            """);
        return TypedResults.Content(AdminPageRenderer.Page(admin, done), "text/html; charset=utf-8");
    }
}
