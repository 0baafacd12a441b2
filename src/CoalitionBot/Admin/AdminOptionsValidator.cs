using Microsoft.Extensions.Options;

namespace CoalitionBot.Admin;

internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public const int MinimumTokenLength = 16;

    public ValidateOptionsResult Validate(string? name, AdminOptions options) =>
        options.IsEnabled && options.Token!.Trim().Length < MinimumTokenLength
            ? ValidateOptionsResult.Fail($"Admin:Token must be at least {MinimumTokenLength} characters long (or empty to disable the admin API).")
            : ValidateOptionsResult.Success;
}
