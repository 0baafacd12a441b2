using CoalitionBot.Storage;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoalitionBot.Mail;

/// Without an SMTP server, each mail becomes an .eml file in outbox/ beside the database file
/// (kept Storage:RetentionDays, see <see cref="OutboxRetention"/>).
internal sealed class OutboxDirectoryTransport(IOptions<StorageOptions> storage, TimeProvider time, ILogger<OutboxDirectoryTransport> logger) : IMailTransport
{
    public string Folder => OutboxFolder(storage.Value);

    public string Description => "outbox folder " + Folder;

    public static string OutboxFolder(StorageOptions storage) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.Path)) ?? ".", "outbox");

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        // Mails quote members' messages: the folder and the files are owner-only, like the database.
        OwnerOnly.CreateFolder(Folder);
        var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var name = stamp + "-" + Safe(message.MessageId ?? "mail") + ".eml";
        var path = Path.Combine(Folder, name);
        var temporary = path + ".tmp";
        await using (var file = OwnerOnly.Create(temporary))
        {
            await message.WriteToAsync(file, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
        Log.MailWritten(logger, message.MessageId, path);
    }

    private static string Safe(string value) =>
        new(value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray());
}
