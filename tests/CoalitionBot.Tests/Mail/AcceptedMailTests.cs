using CoalitionBot.Digest;
using CoalitionBot.Mail;
using CoalitionBot.Tests.Support;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoalitionBot.Tests.Mail;

/// A mail the SMTP server accepted has been sent, whatever happens to the connection afterwards.
public sealed class AcceptedMailTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("io")]
    [InlineData("cancelled")]
    public async Task A_failure_while_disconnecting_after_acceptance_leaves_the_day_sent_and_it_is_not_mailed_again(string failure)
    {
        using var harness = new DigestHarness(DigestHarness.Local(Monday.AddDays(1), 7));
        harness.AddMessages(Monday, 5);
        await using var server = new MiniSmtpServer();
        var transport = new SmtpMailTransport(
            Microsoft.Extensions.Options.Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None }),
            NullLogger<SmtpMailTransport>.Instance)
        {
            CreateClient = () => new FailingDisconnectClient(failure),
        };
        using var service = harness.Service(transport);

        var first = await service.RunDueAsync(Token);
        harness.Time.Advance(DigestRecord.Backoff(1));
        var fiveMinutesLater = await service.RunDueAsync(Token);

        Assert.Equal((1, 0), (first, fiveMinutesLater));
        Assert.Single(server.Received);
        var record = harness.Ledger.Find(Monday)!;
        Assert.Equal((DigestState.Sent, 1, null), (record.State, record.Attempts, record.LastError));
    }

    /// A real MailKit client whose connection breaks as it says QUIT, after the server's 250 for the mail.
    private sealed class FailingDisconnectClient(string failure) : SmtpClient
    {
        public override async Task DisconnectAsync(bool quit, CancellationToken cancellationToken = default)
        {
            await base.DisconnectAsync(quit: false, cancellationToken);
            throw failure == "cancelled" ? new OperationCanceledException("stopping") : new IOException("Connection reset by peer");
        }
    }
}
