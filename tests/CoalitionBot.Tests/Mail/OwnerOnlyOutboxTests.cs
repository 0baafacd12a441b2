using CoalitionBot.Digest;
using CoalitionBot.Mail;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace CoalitionBot.Tests.Mail;

/// Outbox mails and previews quote members' messages: owner-only on a real file system, whatever the umask.
[Collection(PermissiveUmask.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OwnerOnlyOutboxTests
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task The_outbox_folder_and_its_mails_are_readable_by_their_owner_only()
    {
        using var files = new TestDatabase();
        var transport = new OutboxDirectoryTransport(files.Options, new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero)), NullLogger<OutboxDirectoryTransport>.Instance);
        var message = new MimeMessage { Subject = "Résumé", MessageId = "digest-2026-11-23.42@coalitionbot" };
        message.From.Add(MailboxAddress.Parse("bot@example.org"));
        message.Body = new TextPart("plain") { Text = "Bonjour" };

        using (PermissiveUmask.Set())
        {
            await transport.SendAsync(message, TestContext.Current.CancellationToken);
        }

        var outbox = Path.Combine(files.Folder, "outbox");
        Assert.Equal(Folder, PermissiveUmask.Mode(outbox));
        Assert.Equal(File, PermissiveUmask.Mode(Assert.Single(Directory.GetFiles(outbox))));
    }

    [Fact]
    public async Task Preview_files_are_readable_by_their_owner_only()
    {
        await using var app = DigestFixtures.App(DigestHarness.Local(new DateOnly(2026, 11, 24), 9));
        var outbox = Path.Combine(app.DataDirectory, "outbox");

        int exit;
        using (PermissiveUmask.Set())
        {
            exit = await DigestPreview.RunAsync(app.Services, ["digest", "--preview", "--sample", "--date", "2026-11-23"], TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, exit);
        Assert.Equal(Folder, PermissiveUmask.Mode(outbox));
        Assert.All(Directory.GetFiles(outbox), path => Assert.Equal(File, PermissiveUmask.Mode(path)));
        Assert.Equal(2, Directory.GetFiles(outbox).Length);
    }
}
