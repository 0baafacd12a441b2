using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoalitionBot.Mail;

/// Sends through the configured SMTP server with MailKit: one connection per mail, which suits one
/// mail a day. TLS is required unless Smtp:Security is explicitly None, and the password never
/// leaves this machine in clear.
internal sealed class SmtpMailTransport(IOptions<SmtpOptions> options, ILogger<SmtpMailTransport> logger) : IMailTransport
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public string Description => $"smtp://{options.Value.Host}:{options.Value.Port} ({options.Value.Security})";

    /// The port that Auto treats as implicit TLS; tests move it, since they cannot listen on 465.
    internal int ImplicitTlsPort { get; init; } = SmtpOptions.ImplicitTlsPort;

    /// Makes the MailKit client; tests hand in one that fails where they need it to.
    internal Func<SmtpClient> CreateClient { get; init; } = () => new SmtpClient();

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var host = smtp.Host!.Trim();
        var security = SocketOptions(smtp.Security, smtp.Port, ImplicitTlsPort);
        var certificates = new SmtpCertificateCheck(host, SmtpCertificateCheck.Load(smtp.TrustedCertificate));
        using var client = CreateClient();
        client.Timeout = (int)Timeout.TotalMilliseconds;
        client.ServerCertificateValidationCallback = certificates.Validate;
        try
        {
            await client.ConnectAsync(host, smtp.Port, security, cancellationToken);
        }
        catch (SslHandshakeException) when (certificates.Problem is { } problem)
        {
            throw new SmtpSecurityException(problem);
        }
        catch (NotSupportedException) when (security == SecureSocketOptions.StartTls)
        {
            throw new SmtpSecurityException(
                $"The SMTP server {host}:{smtp.Port} does not offer STARTTLS, which Smtp:Security={smtp.Security} requires on this port: nothing was sent, the password included.");
        }

        if (smtp.Authenticates)
        {
            // The validator already refuses None with a remote host; this keeps the rule where the password leaves.
            if (!client.IsSecure && !SmtpOptions.IsLoopback(host))
            {
                throw new SmtpSecurityException($"Refusing to send Smtp:Password in clear to {host}: without TLS, only a loopback Smtp:Host may authenticate.");
            }

            await client.AuthenticateAsync(smtp.Username!, smtp.Password ?? "", cancellationToken);
        }

        var response = await client.SendAsync(message, cancellationToken);
        // The server has accepted the mail: it has been sent, whatever happens to the connection now.
        // Counting a failed QUIT as a failed send would mail the day again.
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception exception)
        {
            Log.DisconnectFailed(logger, message.MessageId, exception.Message);
        }

        Log.MailSent(logger, message.MessageId, Description, response);
    }

    /// Auto is implicit TLS on the implicit-TLS port and mandatory STARTTLS on any other: never
    /// MailKit's own Auto, which falls back to clear text when a server (or a man in the middle)
    /// does not offer STARTTLS.
    public static SecureSocketOptions SocketOptions(SmtpSecurity security, int port, int implicitTlsPort = SmtpOptions.ImplicitTlsPort) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => port == implicitTlsPort ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls,
    };
}
