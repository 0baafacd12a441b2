using Microsoft.Extensions.Options;

namespace CoalitionBot.Admin;

internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public const int MinimumTokenLength = 16;

    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        List<string> failures = [];
        if (options.IsEnabled && options.Token!.Trim().Length < MinimumTokenLength)
        {
            failures.Add($"Admin:Token must be at least {MinimumTokenLength} characters long (or empty to disable the admin API).");
        }

        if (!TrustedProxies.TryParse(options.TrustedProxies, out _, out var invalid))
        {
            failures.Add($"Admin:TrustedProxies must be a comma-separated list of IP addresses or CIDR ranges, such as 172.30.0.10 or 10.0.0.0/8 (empty: none); '{invalid}' is neither.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
