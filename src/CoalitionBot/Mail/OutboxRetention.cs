using CoalitionBot.Storage;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Mail;

/// The outbox's .eml files and digest previews quote members' messages, so they go after
/// Storage:RetentionDays like the messages themselves; other files in the folder are left alone.
internal sealed class OutboxRetention(IOptions<StorageOptions> storage, ILogger<OutboxRetention> logger) : IContentRetention
{
    public int ForgetBefore(DateTimeOffset cutoff)
    {
        var folder = OutboxDirectoryTransport.OutboxFolder(storage.Value);
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles())
        {
            if (!Written(file.Name) || file.LastWriteTimeUtc >= cutoff.UtcDateTime)
            {
                continue;
            }

            try
            {
                file.Delete();
                removed++;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Tried again tomorrow; the count says what went.
            }
        }

        if (removed > 0)
        {
            Log.OutboxPurged(logger, removed, cutoff, folder);
        }

        return removed;
    }

    /// What the outbox transport and `digest --preview` write.
    private static bool Written(string name) =>
        name.EndsWith(".eml", StringComparison.Ordinal)
        || name.EndsWith(".eml.tmp", StringComparison.Ordinal)
        || (name.StartsWith("preview-", StringComparison.Ordinal) && (name.EndsWith(".html", StringComparison.Ordinal) || name.EndsWith(".txt", StringComparison.Ordinal)));
}
