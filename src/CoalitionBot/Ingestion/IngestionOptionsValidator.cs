using Microsoft.Extensions.Options;

namespace CoalitionBot.Ingestion;

internal sealed class IngestionOptionsValidator : IValidateOptions<IngestionOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestionOptions options)
    {
        List<string> failures = [];
        if (options.PollInterval < TimeSpan.FromSeconds(30) || options.PollInterval > TimeSpan.FromDays(1))
        {
            failures.Add("Ingestion:PollInterval must be between 00:00:30 and 1.00:00:00 (hh:mm:ss).");
        }

        if (options.BackfillDays is < 0 or > 365)
        {
            failures.Add("Ingestion:BackfillDays must be a number of days between 0 and 365.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
