using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoalitionBot.Mail;

/// Sends through the configured SMTP server with MailKit: one connection per mail, which suits one mail a day.
internal sealed class SmtpMailTransport(IOptions<SmtpOptions> options, ILogger<SmtpMailTransport> logger) : IMailTransport
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public string Description => $"smtp://{options.Value.Host}:{options.Value.Port} ({options.Value.Security})";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host!.Trim(), smtp.Port, SocketOptions(smtp.Security), cancellationToken);
        if (!string.IsNullOrWhiteSpace(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
        }

        var response = await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        Log.MailSent(logger, message.MessageId, Description, response);
    }

    public static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
