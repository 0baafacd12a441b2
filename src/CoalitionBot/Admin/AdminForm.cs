using System.Text;
using CoalitionBot.Localization;
using CoalitionBot.Security;
using CoalitionBot.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Admin;

/// A form of the admin page: the session and the anti-forgery token are checked, the change runs,
/// and the browser goes back to the page with its message (post, redirect, get). A form that fails
/// comes back with a message, never an error page.
internal sealed class AdminForm(
    AdminSession session,
    IAntiforgery antiforgery,
    Refusals refusals,
    LogBuffer logs,
    IOptions<LocaleOptions> locale,
    ILogger<AdminSession> logger)
{
    private const string FlashCookie = "coalitionbot_flash";
    private const string NextPage = "coalitionbot.next";

    /// Runs a change on behalf of the signed-in moderator (the actor it is recorded under).
    public Task<IResult> SubmitAsync(HttpContext context, Func<Actor, Task<string?>> change) =>
        RunAsync(context, change, requireSession: true);

    /// A form that needs no session (sign-in, sign-out): its change runs for nobody in particular.
    public Task<IResult> SubmitWithoutSessionAsync(HttpContext context, Func<Task<string?>> change) =>
        RunAsync(context, _ => change(), requireSession: false);

    private async Task<IResult> RunAsync(HttpContext context, Func<Actor, Task<string?>> change, bool requireSession)
    {
        var who = session.SignedIn(context);
        if (requireSession && who is null)
        {
            return TypedResults.Redirect("/admin");
        }

        var texts = AdminTexts.For(locale.Value.GetLanguage());
        if (!await IsValidFormAsync(context))
        {
            refusals.Record(context, RefusalReason.StaleAdminForm);
            SetFlash(context, texts.StaleForm);
            return TypedResults.Redirect("/admin", permanent: false, preserveMethod: false);
        }

        string? message;
        try
        {
            message = await change(who ?? Actor.Token);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            // Whatever an action throws comes back as a sentence on the page, and one line in the log;
            // a form that could not be read before sign-in (a sender without the token) is counted instead.
            var reason = logs.Redact(UnhandledExceptions.OneLine(exception.Message));
            if (requireSession || exception is not (InvalidDataException or BadHttpRequestException))
            {
                Log.ActionFailed(logger, context.Request.Path.Value ?? "", exception.GetType().Name, reason);
            }
            else
            {
                refusals.Record(context, RefusalReason.BodyUnreadable);
            }

            message = texts.ActionFailed + reason;
        }

        if (message is not null)
        {
            SetFlash(context, message);
        }

        return context.Items[NextPage] is string next ? SeeOther(context, next) : TypedResults.Redirect("/admin");
    }

    /// A change that started something to follow (a long action) sends the browser to its panel
    /// rather than back to the dashboard, with 303 See Other.
    public static void ShowAfter(HttpContext context, string localPath) => context.Items[NextPage] = localPath;

    private static Microsoft.AspNetCore.Http.HttpResults.StatusCodeHttpResult SeeOther(HttpContext context, string localPath)
    {
        context.Response.Headers.Location = localPath;
        return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
    }

    /// A form whose body cannot even be read (over the form limits, cut off) is as invalid as one
    /// without its anti-forgery token: the sender gets the page back, not an error.
    private async Task<bool> IsValidFormAsync(HttpContext context)
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

    public static void SetFlash(HttpContext context, string message) =>
        context.Response.Cookies.Append(FlashCookie, Convert.ToBase64String(Encoding.UTF8.GetBytes(message)), new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            Path = "/admin",
            MaxAge = TimeSpan.FromMinutes(1),
        });

    public static string? TakeFlash(HttpContext context)
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
}
