using System.Globalization;
using CoalitionBot.Digest;
using CoalitionBot.Localization;
using CoalitionBot.Storage;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Admin;

/// GET /admin/preview: the digest a day would get if it went out now, built by the mail's own
/// builder and renderers (<see cref="DigestService.Preview"/>), never mailed nor recorded. Its HTML
/// part is served apart, at /admin/preview/{day}/html, for a sandboxed iframe: it is the mail's
/// markup (Discord content escaped by the renderer) under a policy that allows no script, no
/// request, no form, and framing only by the admin page itself.
internal static class AdminPreview
{
    /// The admin page's policy, with the preview's iframe allowed from this origin.
    public const string PagePolicy = AdminPage.ContentSecurityPolicy + "; frame-src 'self'";

    /// The iframe's document: a sandbox (no script, an opaque origin), inline styles as a mail has, images only inline.
    public const string FramePolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    /// Discord's epoch: no message is older, and earlier days are refused as not days at all.
    public static readonly DateOnly FirstDay = new(2015, 1, 1);

    /// How many days back the list of days goes: the retention, at most a year.
    private const int MaxListedDays = 366;

    public static void MapAdminPreview(this IEndpointRouteBuilder endpoints)
    {
        var preview = endpoints.MapGroup("/admin/preview").AddEndpointFilter<AdminEnabledFilter>().ExcludeFromDescription().DisableAntiforgery();
        preview.MapGet("", Show);
        preview.MapGet("/{day}/html", Frame);
    }

    private static IResult Show(
        HttpContext context, AdminSession session, DigestService digests, IOptions<LocaleOptions> locale, IOptions<StorageOptions> storage, ILogger<AdminSession> logger)
    {
        if (!session.IsSignedIn(context))
        {
            return TypedResults.Redirect("/admin");
        }

        var language = locale.Value.GetLanguage();
        var texts = PreviewTexts.For(language);
        var model = new PreviewPageModel(AdminTexts.For(language), texts, digests.Zone);
        var asked = context.Request.Query["day"];
        DateOnly day;
        if (asked.Count == 0 || string.IsNullOrWhiteSpace(asked.ToString()))
        {
            day = digests.LastCompleteDay();
        }
        else if (!TryParseDay(asked.ToString(), out day))
        {
            model = model with { Problem = string.Format(model.Admin.Culture, texts.BadDayFormat, Shorten(asked.ToString())), Days = ListDays(digests, storage, logger) };
            return Page(context, AdminPreviewRenderer.Page(model), StatusCodes.Status400BadRequest);
        }

        try
        {
            model = model with { Day = day, Days = digests.DaysWithMessages(Math.Min(MaxListedDays, storage.Value.RetentionDays + 1)), Preview = digests.Preview(day) };
            return Page(context, AdminPreviewRenderer.Page(model), StatusCodes.Status200OK);
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            Log.PreviewFailed(logger, DigestLedger.Key(day), exception.Message);
            model = model with { Day = day, Problem = texts.Unreadable + exception.Message };
            return Page(context, AdminPreviewRenderer.Page(model), StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// The HTML part alone, for the preview page's iframe; a day without one gets a sentence.
    private static IResult Frame(string day, HttpContext context, AdminSession session, DigestService digests, IOptions<LocaleOptions> locale, ILogger<AdminSession> logger)
    {
        if (!session.IsSignedIn(context))
        {
            return TypedResults.Redirect("/admin");
        }

        var language = locale.Value.GetLanguage();
        var texts = PreviewTexts.For(language);
        var culture = AdminTexts.For(language).Culture;
        Secure(context, FramePolicy);
        if (!TryParseDay(day, out var parsed))
        {
            return TypedResults.Text(string.Format(culture, texts.BadDayFormat, Shorten(day)), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        DayPreview preview;
        try
        {
            preview = digests.Preview(parsed);
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            Log.PreviewFailed(logger, DigestLedger.Key(parsed), exception.Message);
            return TypedResults.Text(texts.Unreadable + exception.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return preview.Rendered is { } rendered
            ? TypedResults.Content(rendered.Html, "text/html; charset=utf-8")
            : TypedResults.Text(AdminPreviewRenderer.StateSentence(preview, texts, culture, digests.Zone), "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
    }

    public static bool TryParseDay(string value, out DateOnly day) =>
        DateOnly.TryParseExact(value.Trim(), DigestLedger.DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day) && day >= FirstDay;

    private static IReadOnlyList<(DateOnly Day, int Messages)> ListDays(DigestService digests, IOptions<StorageOptions> storage, ILogger logger)
    {
        try
        {
            return digests.DaysWithMessages(Math.Min(MaxListedDays, storage.Value.RetentionDays + 1));
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            Log.PreviewFailed(logger, "days", exception.Message);
            return [];
        }
    }

    private static bool IsUnreadable(Exception exception) =>
        exception is LiteDB.LiteException or IOException or UnauthorizedAccessException or DatabaseInUseException;

    /// What was asked, quoted back short (it is encoded on the page like anything else).
    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Page(HttpContext context, string html, int status)
    {
        Secure(context, PagePolicy);
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private static void Secure(HttpContext context, string policy)
    {
        context.Response.Headers.ContentSecurityPolicy = policy;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
    }
}
