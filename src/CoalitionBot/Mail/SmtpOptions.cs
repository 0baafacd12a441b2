using System.Net;

namespace CoalitionBot.Mail;

internal enum SmtpSecurity
{
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

internal sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    /// The port that means implicit TLS under Smtp:Security=Auto; every other port must offer STARTTLS.
    public const int ImplicitTlsPort = 465;

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// A PEM file of the CA (or the certificate itself) of a relay that has its own; empty: the system's trust store.
    public string? TrustedCertificate { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public bool Authenticates => !string.IsNullOrWhiteSpace(Username);

    /// Clear text can only be read on the wire when the server is this machine.
    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
