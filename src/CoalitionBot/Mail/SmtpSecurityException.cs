namespace CoalitionBot.Mail;

/// The SMTP connection was refused for its security (no TLS where it is required, a certificate
/// that does not fit): nothing was sent, the password included. The message is one line.
internal sealed class SmtpSecurityException(string message) : Exception(message);
