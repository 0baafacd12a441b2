using System.Globalization;
using System.Text.Json;
using CoalitionBot.Localization;
using CoalitionBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Digest;

/// The digest's admin routes: list the records, read one, and build and send a day now.
internal static class DigestAdminApi
{
    private const int MaxBodyBytes = 4_096;

    /// The body's names are matched exactly ("date", "resend"), as when it was read by hand.
    private static readonly DigestJsonContext BodyJson = new(new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNameCaseInsensitive = false });

    public static RouteGroupBuilder MapDigestAdmin(this RouteGroupBuilder adminApi)
    {
        adminApi.MapGet("/digests", List).WithName("ListDigests").WithSummary("The latest digest records");
        adminApi.MapGet("/digests/{date}", Get).WithName("GetDigest").WithSummary("One day's digest record, with its HTML and text");
        adminApi.MapPost("/digests", SendAsync).WithName("SendDigest").WithSummary("Builds and sends a day's digest; idempotent unless resend");
        return adminApi;
    }

    private static Ok<List<DigestSummary>> List(DigestLedger ledger) =>
        TypedResults.Ok(ledger.Latest(60).Select(DigestSummary.From).ToList());

    private static Results<Ok<DigestDetail>, ProblemHttpResult> Get(string date, DigestLedger ledger)
    {
        if (!TryParseDay(date, out var day))
        {
            return BadRequest($"'{date}' is not a date: use YYYY-MM-DD.");
        }

        return ledger.Find(day) is { } record
            ? TypedResults.Ok(DigestDetail.From(record))
            : TypedResults.Problem($"No digest recorded for {DigestLedger.Key(day)}.", statusCode: StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<DigestSummary>, ProblemHttpResult>> SendAsync(
        HttpRequest request, DigestService service, AuditTrail audit, IOptions<LocaleOptions> locale, CancellationToken cancellationToken)
    {
        var (date, resend, error) = await ReadRequestAsync(request, cancellationToken);
        if (error is not null)
        {
            return BadRequest(error);
        }

        var last = service.LastCompleteDay();
        DateOnly day;
        if (date is null)
        {
            day = last;
        }
        else if (!TryParseDay(date, out day))
        {
            return BadRequest($"'{date}' is not a date: use YYYY-MM-DD.");
        }

        if (day > last)
        {
            return BadRequest($"{DigestLedger.Key(day)} has not ended yet in {service.Options.TimeZone}: the last complete day is {DigestLedger.Key(last)}.");
        }

        var result = await service.SendDayAsync(day, resend, cancellationToken);
        var key = DigestLedger.Key(day);
        audit.Record(Actor.Token, resend ? AuditKinds.DigestResent : AuditKinds.DigestSent, key, key, SendDigestNowAction.Describe(day, result, locale.Value.GetLanguage()).Message);
        return result.Outcome switch
        {
            DigestOutcome.NotAddressed => TypedResults.Problem("Digest:To is not set: there is no one to send the digest to.", statusCode: StatusCodes.Status409Conflict),
            DigestOutcome.Waiting => TypedResults.Problem(
                $"The digest of {DigestLedger.Key(day)} waits for Discord: {result.WaitingFor}. It goes out by itself once a poll has read the whole day.",
                statusCode: StatusCodes.Status409Conflict),
            DigestOutcome.NotCovered => TypedResults.Problem(
                $"The bot was not reading the server yet on {DigestLedger.Key(day)} (it started reading at {service.CoveredSince:u}): there is no digest of that day.",
                statusCode: StatusCodes.Status409Conflict),
            DigestOutcome.Failed => TypedResults.Problem(
                $"The digest of {DigestLedger.Key(day)} could not be sent: {result.Record?.LastError}. It stays pending and will be retried.",
                statusCode: StatusCodes.Status502BadGateway),
            _ => TypedResults.Ok(DigestSummary.From(result.Record!) with { Outcome = result.Outcome.ToString() }),
        };
    }

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    private static bool TryParseDay(string value, out DateOnly day) =>
        DateOnly.TryParseExact(value.Trim(), DigestLedger.DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// The day and the resend flag, from a JSON body or the query string; a body is optional.
    private static async Task<(string? Date, bool Resend, string? Error)> ReadRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        string? date = request.Query["date"].FirstOrDefault();
        var resend = string.Equals(request.Query["resend"].FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
        if (request.ContentLength is > MaxBodyBytes)
        {
            return (null, false, "The body is too large.");
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(body))
        {
            return (date, resend, null);
        }

        if (body.Length > MaxBodyBytes)
        {
            return (null, false, "The body is too large.");
        }

        if (!IsWellFormed(body))
        {
            return (null, false, "The body is not valid JSON: send {\"date\":\"YYYY-MM-DD\",\"resend\":false}.");
        }

        if (!body.TrimStart().StartsWith('{'))
        {
            return (null, false, "The body must be a JSON object such as {\"date\":\"2026-11-23\",\"resend\":false}.");
        }

        try
        {
            var sent = JsonSerializer.Deserialize(body, BodyJson.DigestSendBody)!;
            return (sent.Date ?? date, sent.Resend ?? resend, null);
        }
        catch (JsonException exception)
        {
            return (null, false, exception.Path == "$.resend" ? "\"resend\" must be true or false." : "\"date\" must be a string as YYYY-MM-DD.");
        }
    }

    private static bool IsWellFormed(string body)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(body));
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
