using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace CoalitionBot.Security;

/// The last resort for an exception no handler caught: a clean problem+json answer with no stack
/// trace, and one log line (the stack trace only at Debug). A request the server could not read
/// (over a form limit, say) is the sender's fault and counts as a refusal instead.
internal sealed class UnhandledExceptions(Refusals refusals, ILogger<UnhandledExceptions> logger)
{
    private const int MaxReasonLength = 300;

    public async Task HandleAsync(HttpContext context)
    {
        var feature = context.Features.Get<IExceptionHandlerFeature>();
        var exception = feature?.Error;
        var status = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            InvalidDataException or AntiforgeryValidationException => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status500InternalServerError,
        };

        var path = (feature?.Path ?? context.Request.Path.Value) ?? "";
        if (status < StatusCodes.Status500InternalServerError)
        {
            refusals.Record(context, RefusalReason.BodyUnreadable);
        }
        else
        {
            Log.RequestFailed(logger, context.Request.Method, path, exception?.GetType().Name ?? "an unknown error", OneLine(exception?.Message), status);
            if (exception is not null)
            {
                Log.RequestFailedDetail(logger, exception, context.Request.Method, path);
            }
        }

        var detail = status < StatusCodes.Status500InternalServerError
            ? "The request could not be read."
            : "Something went wrong on our side; the error was logged.";
        await TypedResults.Problem(detail, statusCode: status).ExecuteAsync(context);
    }

    public static string OneLine(string? text)
    {
        var line = (text ?? "").ReplaceLineEndings(" ");
        return line.Length > MaxReasonLength ? line[..MaxReasonLength] + "…" : line;
    }
}
