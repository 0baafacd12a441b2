using CoalitionBot.Mail;
using CoalitionBot.Tests.Support;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace CoalitionBot.Tests.Mail;

public sealed class SmtpMailTransportTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static MimeMessage Mail()
    {
        var message = new MimeMessage { Subject = "Résumé", MessageId = "digest-2026-11-23.42@coalitionbot" };
        message.From.Add(MailboxAddress.Parse("bot@example.org"));
        message.To.Add(MailboxAddress.Parse("liste@example.org"));
        message.Body = new TextPart("plain") { Text = "Bonjour\n.\n..ligne avec des points" };
        return message;
    }

    private static SmtpMailTransport Transport(int port, string? user = null, string? password = null) =>
        new(Microsoft.Extensions.Options.Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, Username = user, Password = password }), NullLogger<SmtpMailTransport>.Instance);

    [Fact]
    public async Task A_mail_reaches_the_SMTP_server_intact()
    {
        await using var server = new MiniSmtpServer();

        await Transport(server.Port).SendAsync(Mail(), Token);

        var received = Assert.Single(server.Received);
        Assert.Equal("bot@example.org", received.From);
        Assert.Equal(["liste@example.org"], received.To);
        var parsed = received.Parse();
        Assert.Equal("digest-2026-11-23.42@coalitionbot", parsed.MessageId);
        Assert.Equal("Résumé", parsed.Subject);
        Assert.Contains("..ligne avec des points", parsed.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_transport_authenticates_when_a_username_is_set()
    {
        await using var server = new MiniSmtpServer(requireAuth: true, user: "robot", password: "s3cret");

        await Transport(server.Port, "robot", "s3cret").SendAsync(Mail(), Token);

        Assert.Equal(["robot"], server.AuthenticatedAs);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task Wrong_credentials_fail_the_send()
    {
        await using var server = new MiniSmtpServer(requireAuth: true, user: "robot", password: "s3cret");

        await Assert.ThrowsAsync<AuthenticationException>(() => Transport(server.Port, "robot", "wrong").SendAsync(Mail(), Token));

        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task A_server_that_is_down_fails_the_send()
    {
        int port;
        await using (var server = new MiniSmtpServer())
        {
            port = server.Port;
        }

        await Assert.ThrowsAnyAsync<Exception>(() => Transport(port).SendAsync(Mail(), Token));
    }

    [Theory]
    [InlineData(25)]
    [InlineData(465)]
    [InlineData(587)]
    public void Each_explicit_security_mode_maps_to_MailKit_whatever_the_port(int port)
    {
        Assert.Equal(SecureSocketOptions.None, SmtpMailTransport.SocketOptions(SmtpSecurity.None, port));
        Assert.Equal(SecureSocketOptions.StartTls, SmtpMailTransport.SocketOptions(SmtpSecurity.StartTls, port));
        Assert.Equal(SecureSocketOptions.SslOnConnect, SmtpMailTransport.SocketOptions(SmtpSecurity.SslOnConnect, port));
    }

    [Theory]
    [InlineData(465, "SslOnConnect")]
    [InlineData(587, "StartTls")]
    [InlineData(25, "StartTls")]
    [InlineData(2525, "StartTls")]
    public void Auto_is_implicit_TLS_on_465_and_mandatory_STARTTLS_on_any_other_port(int port, string expected)
    {
        // Never MailKit's Auto (StartTlsWhenAvailable off 465), which sends the password in clear
        // when STARTTLS is missing or stripped.
        Assert.Equal(Enum.Parse<SecureSocketOptions>(expected), SmtpMailTransport.SocketOptions(SmtpSecurity.Auto, port));
    }

    [Fact]
    public void The_description_never_shows_the_password()
    {
        var transport = Transport(25, "robot", "s3cret");

        Assert.DoesNotContain("s3cret", transport.Description, StringComparison.Ordinal);
    }
}
