using Microsoft.Extensions.Options;

namespace CoalitionBot.Storage;

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        List<string> failures = [];
        if (string.IsNullOrWhiteSpace(options.Path) || options.Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add("Storage:Path must be a file path, such as data/coalitionbot.db.");
        }

        if (options.RetentionDays is < 1 or > 3650)
        {
            failures.Add("Storage:RetentionDays must be a number of days between 1 and 3650.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
