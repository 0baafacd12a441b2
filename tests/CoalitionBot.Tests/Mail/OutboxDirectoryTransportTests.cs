using CoalitionBot.Mail;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace CoalitionBot.Tests.Mail;

public sealed class OutboxDirectoryTransportTests
{
    [Fact]
    public async Task Without_an_SMTP_host_mail_is_written_as_eml_beside_the_database()
    {
        using var files = new TestDatabase();
        var transport = new OutboxDirectoryTransport(files.Options, new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero)), NullLogger<OutboxDirectoryTransport>.Instance);
        var message = new MimeMessage { Subject = "Résumé", MessageId = "digest-2026-11-23.42@coalitionbot" };
        message.From.Add(MailboxAddress.Parse("bot@example.org"));
        message.Body = new TextPart("plain") { Text = "Bonjour" };

        await transport.SendAsync(message, TestContext.Current.CancellationToken);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(files.Folder, "outbox")));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        Assert.Equal("digest-2026-11-23.42@coalitionbot", (await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken)).MessageId);
    }
}
