using System.Globalization;
using CoalitionBot.Digest.Rendering;
using MimeKit;

namespace CoalitionBot.Digest;

/// Turns a rendered digest into the mail: multipart/alternative with the text part first, and a
/// Message-ID derived from the server and the day so a resend is recognisable as the same digest.
internal static class MailComposer
{
    public const string DefaultFrom = "CoalitionBot <coalitionbot@localhost.localdomain>";

    public static string MessageId(ulong guildId, DateOnly day) => MessageId(guildId, DigestLedger.Key(day));

    /// digest-2026-11-23.{guild}@coalitionbot for a day, digest-week-2026-11-16.{guild}@coalitionbot for a week.
    public static string MessageId(ulong guildId, string key) =>
        string.Create(CultureInfo.InvariantCulture, $"digest-{key}.{guildId}@coalitionbot");

    public static MimeMessage Compose(RenderedDigest rendered, DigestOptions options, ulong guildId, DateOnly day, DateTimeOffset date) =>
        Compose(rendered, options, MessageId(guildId, day), date);

    public static MimeMessage Compose(RenderedDigest rendered, DigestOptions options, string messageId, DateTimeOffset date)
    {
        var message = new MimeMessage
        {
            Subject = rendered.Subject,
            Date = date,
            MessageId = messageId,
        };
        message.From.Add(MailboxAddress.Parse(string.IsNullOrWhiteSpace(options.From) ? DefaultFrom : options.From.Trim()));
        foreach (var to in (options.To ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        var alternative = new MultipartAlternative
        {
            new TextPart("plain") { Text = rendered.Text, ContentTransferEncoding = ContentEncoding.QuotedPrintable },
            new TextPart("html") { Text = rendered.Html, ContentTransferEncoding = ContentEncoding.QuotedPrintable },
        };
        message.Body = alternative;
        return message;
    }
}
