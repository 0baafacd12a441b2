using CoalitionBot.Mail;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace CoalitionBot.Tests.Mail;

/// The TLS paths against a real SMTP server (aiosmtpd) with a certificate from a CA the test makes,
/// trusted through Smtp:TrustedCertificate. The servers listen on free ports of 127.0.0.1: the
/// "465" server is the one Auto must meet with implicit TLS (the transport is told which port
/// plays 465), the "587" one offers STARTTLS.
[Trait("Category", "Process")]
public sealed class SmtpTlsEndToEndTests : IDisposable
{
    private const string User = "digest@example.org";
    private const string Password = "s3cret-P4ss";
    private readonly TempDirectory folder = new("coalitionbot-smtp-tls-");
    private readonly TestCertificates certificates;

    public SmtpTlsEndToEndTests() => certificates = new TestCertificates(folder.Path);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Auto_on_the_implicit_TLS_port_connects_with_TLS_then_authenticates()
    {
        await using var server = await StartAsync(AiosmtpdMode.ImplicitTls, certificates.Issue("127.0.0.1"));
        var transport = Transport(server.Port, SmtpSecurity.Auto) with { ImplicitTlsPort = server.Port };

        await transport.Transport.SendAsync(Mail(), Token);

        Assert.Equal([new AuthAttempt(User, Password, OverTls: true)], server.AuthAttempts());
        Assert.Equal("digest-2026-11-23.42@coalitionbot", Assert.Single(server.Messages()).MessageId);
    }

    [Fact]
    public async Task Auto_on_any_other_port_upgrades_with_STARTTLS_then_authenticates()
    {
        await using var server = await StartAsync(AiosmtpdMode.StartTls, certificates.Issue("127.0.0.1"));

        await Transport(server.Port, SmtpSecurity.Auto).Transport.SendAsync(Mail(), Token);

        Assert.Equal([new AuthAttempt(User, Password, OverTls: true)], server.AuthAttempts());
        Assert.Single(server.Messages());
    }

    [Theory]
    [InlineData("Auto")]
    [InlineData("StartTls")]
    public async Task A_server_that_offers_no_STARTTLS_is_refused_before_the_password_is_sent(string security)
    {
        // What a man in the middle who strips STARTTLS shows: a server that would take the password in clear.
        await using var server = await StartAsync(AiosmtpdMode.Plain, (null, null));

        var refusal = await Assert.ThrowsAsync<SmtpSecurityException>(() => Transport(server.Port, Enum.Parse<SmtpSecurity>(security)).Transport.SendAsync(Mail(), Token));

        Assert.Contains("does not offer STARTTLS", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal.Message);
        Assert.Empty(server.AuthAttempts());
        Assert.Empty(server.Messages());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_certificate_for_another_host_is_refused_in_one_line(bool implicitTls)
    {
        await using var server = await StartAsync(implicitTls ? AiosmtpdMode.ImplicitTls : AiosmtpdMode.StartTls, certificates.Issue("mail.example.org"));
        var transport = Transport(server.Port, SmtpSecurity.Auto) with { ImplicitTlsPort = implicitTls ? server.Port : SmtpOptions.ImplicitTlsPort };

        var refusal = await Assert.ThrowsAsync<SmtpSecurityException>(() => transport.Transport.SendAsync(Mail(), Token));

        Assert.Equal("The SMTP server's certificate is for mail.example.org, not for 127.0.0.1 (Smtp:Host): connection refused.", refusal.Message);
        Assert.Empty(server.AuthAttempts());
        Assert.Empty(server.Messages());
    }

    [Fact]
    public async Task Without_Smtp_TrustedCertificate_a_relay_with_its_own_CA_is_refused()
    {
        await using var server = await StartAsync(AiosmtpdMode.StartTls, certificates.Issue("127.0.0.1"));
        var transport = Transport(server.Port, SmtpSecurity.Auto) with { TrustedCertificate = null };

        var refusal = await Assert.ThrowsAsync<SmtpSecurityException>(() => transport.Transport.SendAsync(Mail(), Token));

        Assert.StartsWith("The SMTP server's certificate for 127.0.0.1 is not trusted", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Smtp:TrustedCertificate", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(server.AuthAttempts());
    }

    [Fact]
    public async Task A_certificate_from_another_CA_than_Smtp_TrustedCertificate_is_refused()
    {
        var other = new TestCertificates(Directory.CreateDirectory(Path.Combine(folder.Path, "other")).FullName, "Another CA");
        await using var server = await StartAsync(AiosmtpdMode.ImplicitTls, other.Issue("127.0.0.1"));
        var transport = Transport(server.Port, SmtpSecurity.SslOnConnect);

        var refusal = await Assert.ThrowsAsync<SmtpSecurityException>(() => transport.Transport.SendAsync(Mail(), Token));

        Assert.StartsWith("The SMTP server's certificate for 127.0.0.1 is not signed by Smtp:TrustedCertificate", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(server.AuthAttempts());
    }

    public void Dispose() => folder.Dispose();

    private static MimeMessage Mail()
    {
        var message = new MimeMessage { Subject = "Résumé", MessageId = "digest-2026-11-23.42@coalitionbot" };
        message.From.Add(MailboxAddress.Parse("bot@example.org"));
        message.To.Add(MailboxAddress.Parse("liste@example.org"));
        message.Body = new TextPart("plain") { Text = "Bonjour" };
        return message;
    }

    private Task<AiosmtpdServer> StartAsync(AiosmtpdMode mode, (string? Certificate, string? Key) files) =>
        AiosmtpdServer.StartAsync(
            Directory.CreateDirectory(Path.Combine(folder.Path, "server-" + Guid.NewGuid().ToString("N"))).FullName,
            Token,
            new AiosmtpdSetup(mode, files.Certificate, files.Key, User, Password));

    private TransportSetup Transport(int port, SmtpSecurity security) => new(port, security, certificates.AuthorityFile, SmtpOptions.ImplicitTlsPort);

    /// The options as an operator writes them, and the port Auto treats as 465.
    private sealed record TransportSetup(int Port, SmtpSecurity Security, string? TrustedCertificate, int ImplicitTlsPort)
    {
        public SmtpMailTransport Transport => new(
            Microsoft.Extensions.Options.Options.Create(new SmtpOptions
            {
                Host = "127.0.0.1",
                Port = Port,
                Security = Security,
                Username = User,
                Password = Password,
                TrustedCertificate = TrustedCertificate,
            }),
            NullLogger<SmtpMailTransport>.Instance)
        { ImplicitTlsPort = ImplicitTlsPort };
    }
}
