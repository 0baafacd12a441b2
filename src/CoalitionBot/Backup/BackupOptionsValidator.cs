using System.Globalization;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Backup;

internal sealed class BackupOptionsValidator : IValidateOptions<BackupOptions>
{
    public ValidateOptionsResult Validate(string? name, BackupOptions options)
    {
        List<string> failures = [];
        if (string.IsNullOrWhiteSpace(options.Path) || options.Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add("Backup:Path must be a folder path, such as data/backups.");
        }

        if (options.KeepDays is < 1 or > 366)
        {
            failures.Add("Backup:KeepDays must be a number of days between 1 and 366.");
        }

        if (!TimeOnly.TryParseExact(options.At, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            failures.Add("Backup:At must be a time of day as HH:mm, such as 03:45.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
