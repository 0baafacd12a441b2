using MimeKit;

namespace CoalitionBot.Mail;

/// Where a composed mail goes: an SMTP server, or .eml files when none is configured.
internal interface IMailTransport
{
    /// A short description for logs and the admin page, never with credentials.
    string Description { get; }

    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
