using System.Security.Cryptography;
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

        if (options.IsConfigured && options.Security == SmtpSecurity.None && options.Authenticates && !SmtpOptions.IsLoopback(options.Host!.Trim()))
        {
            failures.Add("Smtp:Security=None would send Smtp:Password in clear: it is allowed only with a loopback Smtp:Host (localhost, 127.0.0.1, ::1); use Auto, StartTls or SslOnConnect.");
        }

        if (!string.IsNullOrWhiteSpace(options.TrustedCertificate) && TrustedCertificateProblem(options.TrustedCertificate.Trim()) is { } problem)
        {
            failures.Add($"Smtp:TrustedCertificate must be a PEM file of certificates: {problem}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? TrustedCertificateProblem(string path)
    {
        try
        {
            return SmtpCertificateCheck.Load(path).Count == 0 ? $"{path} holds no certificate." : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
        {
            return exception.Message.ReplaceLineEndings(" ");
        }
    }
}
