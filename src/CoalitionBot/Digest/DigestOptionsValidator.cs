using System.Globalization;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Digest;

internal sealed class DigestOptionsValidator : IValidateOptions<DigestOptions>
{
    public ValidateOptionsResult Validate(string? name, DigestOptions options)
    {
        List<string> failures = [];
        if (!string.IsNullOrWhiteSpace(options.To)
            && !options.To.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).All(IsAddress))
        {
            failures.Add("Digest:To must be an email address (several may be separated by commas).");
        }

        if (!string.IsNullOrWhiteSpace(options.From) && !IsAddress(options.From))
        {
            failures.Add("Digest:From must be an email address, optionally with a display name: \"Coalition <bot@example.org>\".");
        }

        if (!TimeOnly.TryParseExact(options.SendAt, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            failures.Add("Digest:SendAt must be a time of day as HH:mm, such as 07:00.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? "", out _))
        {
            failures.Add("Digest:TimeZone must be an IANA time zone, such as Europe/Brussels.");
        }

        if (options.AudienceRole is { } audience && (audience.Length > DigestAudience.MaxReferenceLength || audience.Any(char.IsControl)))
        {
            failures.Add($"Digest:AudienceRole must be a role id or a role name of at most {DigestAudience.MaxReferenceLength} characters, such as Membre or @everyone.");
        }

        if (options.Language is not ("fr" or "en"))
        {
            failures.Add("Digest:Language must be fr or en.");
        }

        if (options.CatchUpDays is < 0 or > 31)
        {
            failures.Add("Digest:CatchUpDays must be a number of days between 0 and 31.");
        }

        if (options.MaxBytes is < 10_000 or > 10_000_000)
        {
            failures.Add("Digest:MaxBytes must be a size in bytes between 10000 and 10000000.");
        }

        if (options.ServerName.Length > 100 || (options.ServerName.Length > 0 && string.IsNullOrWhiteSpace(options.ServerName)))
        {
            failures.Add("Digest:ServerName must be the server's name, at most 100 characters (or empty: its name on Discord).");
        }

        if (!Enum.TryParse<DayOfWeek>(options.WeeklyOn, ignoreCase: true, out _) || int.TryParse(options.WeeklyOn, CultureInfo.InvariantCulture, out _))
        {
            failures.Add("Digest:WeeklyOn must be a day of the week in English, such as Monday.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Checked with both parsers: System.Net.Mail for the host's shape, and MimeKit's, which builds the
    // mail, so that a value accepted at start can never fail later when a digest is composed.
    private static bool IsAddress(string value) =>
        MailAddress.TryCreate(value.Trim(), out var address) && address.Host.Contains('.', StringComparison.Ordinal)
        && MimeKit.MailboxAddress.TryParse(value.Trim(), out _);
}
