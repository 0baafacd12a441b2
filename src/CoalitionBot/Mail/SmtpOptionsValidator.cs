using Microsoft.Extensions.Options;

namespace CoalitionBot.Mail;

internal sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        List<string> failures = [];
        if (options.Port is < 1 or > 65535)
        {
            failures.Add("Smtp:Port must be a port number between 1 and 65535.");
        }

        if (options.IsConfigured && Uri.CheckHostName(options.Host!.Trim()) == UriHostNameType.Unknown)
        {
            failures.Add("Smtp:Host must be a host name or an IP address.");
        }

        if (!Enum.IsDefined(options.Security))
        {
            failures.Add("Smtp:Security must be None, StartTls, SslOnConnect or Auto.");
        }

        if (!string.IsNullOrEmpty(options.Password) && string.IsNullOrWhiteSpace(options.Username))
        {
            failures.Add("Smtp:Username is required when Smtp:Password is set.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
