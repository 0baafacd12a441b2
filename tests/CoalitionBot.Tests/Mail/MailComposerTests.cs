using CoalitionBot.Digest;
using CoalitionBot.Digest.Rendering;
using CoalitionBot.Tests.Support;
using MimeKit;

namespace CoalitionBot.Tests.Mail;

public sealed class MailComposerTests
{
    private static readonly DigestOptions Options = new() { To = "liste@example.org, copie@example.org", From = "Coalition <bot@example.org>" };

    private static MimeMessage ComposeAndReparse()
    {
        var rendered = DigestRenderer.Render(DigestFixtures.Sample(), DigestFixtures.French());
        var message = MailComposer.Compose(rendered, Options, 42, DigestFixtures.Day, new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero));
        using var stream = new MemoryStream();
        message.WriteTo(stream, TestContext.Current.CancellationToken);
        stream.Position = 0;
        return MimeMessage.Load(stream, TestContext.Current.CancellationToken);
    }

    [Fact]
    public void The_mail_is_multipart_alternative_with_the_text_part_first()
    {
        var message = ComposeAndReparse();

        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(2, alternative.Count);
        Assert.Equal("text/plain", alternative[0].ContentType.MimeType);
        Assert.Equal("text/html", alternative[1].ContentType.MimeType);
        Assert.Equal("utf-8", alternative[0].ContentType.Charset, ignoreCase: true);
        Assert.Contains("Résumé du lundi 23 novembre 2026", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<!DOCTYPE html>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_headers_say_who_what_when_and_that_it_is_automatic()
    {
        var message = ComposeAndReparse();

        Assert.Equal("bot@example.org", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal(["liste@example.org", "copie@example.org"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero), message.Date);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.Equal("[Coalition FFJ] Résumé du lundi 23 novembre 2026 — 16 messages", message.Subject);
        Assert.Null(message.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public void The_Message_ID_is_derived_from_the_server_and_the_day()
    {
        Assert.Equal("digest-2026-11-23.42@coalitionbot", ComposeAndReparse().MessageId);
        Assert.Equal(MailComposer.MessageId(42, DigestFixtures.Day), MailComposer.MessageId(42, DigestFixtures.Day));
        Assert.NotEqual(MailComposer.MessageId(42, DigestFixtures.Day), MailComposer.MessageId(43, DigestFixtures.Day));
    }

    [Fact]
    public void The_sample_mail_stays_under_the_size_budget()
    {
        var message = ComposeAndReparse();
        using var stream = new MemoryStream();

        message.WriteTo(stream, TestContext.Current.CancellationToken);

        Assert.True(stream.Length < 40_000, $"{stream.Length} bytes");
    }
}
