using CoalitionBot.Digest;
using CoalitionBot.Mail;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace CoalitionBot.Tests.Mail;

/// Against a real SMTP server process (aiosmtpd, Debian package python3-aiosmtpd).
[Trait("Category", "Process")]
public sealed class SmtpEndToEndTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SMTP_down_then_up_delivers_exactly_one_correct_digest()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Monday.AddDays(1), 7));
        harness.AddMessages(Monday, 12);
        await using var server = AiosmtpdServer.Reserve(harness.Files.Folder);
        var smtp = new SmtpOptions { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None };
        using var service = harness.Service(new SmtpMailTransport(Microsoft.Extensions.Options.Options.Create(smtp), NullLogger<SmtpMailTransport>.Instance));

        var whileDown = await service.RunDueAsync(Token);
        await server.StartAsync(Token);
        var beforeBackoff = await service.RunDueAsync(Token);
        harness.Time.Advance(DigestRecord.Backoff(1));
        var afterBackoff = await service.RunDueAsync(Token);
        var later = await service.RunDueAsync(Token);

        Assert.Equal((0, 0, 1, 0), (whileDown, beforeBackoff, afterBackoff, later));
        var mail = Assert.Single(server.Messages());
        Assert.Equal("digest-2026-11-23.42@coalitionbot", mail.MessageId);
        Assert.Equal("[Coalition FFJ] Résumé du lundi 23 novembre 2026 — 12 messages", mail.Subject);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        var alternative = Assert.IsType<MultipartAlternative>(mail.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Contains("https://discord.com/channels/42/10/", mail.TextBody, StringComparison.Ordinal);
        var record = harness.Ledger.Find(Monday)!;
        Assert.Equal((DigestState.Sent, 2), (record.State, record.Attempts));
    }

    [Fact]
    public async Task Three_days_down_then_a_restart_delivers_one_digest_per_day()
    {
        var friday = new DateOnly(2026, 11, 27);
        using var harness = new DigestHarness(DigestHarness.Local(friday, 10));
        foreach (var day in new[] { Monday.AddDays(1), Monday.AddDays(2), Monday.AddDays(3) })
        {
            harness.AddMessages(day, 5);
        }

        await using var server = await AiosmtpdServer.StartAsync(harness.Files.Folder, Token);
        var smtp = new SmtpOptions { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None };
        using var service = harness.Service(new SmtpMailTransport(Microsoft.Extensions.Options.Options.Create(smtp), NullLogger<SmtpMailTransport>.Instance));

        await service.RunDueAsync(Token);
        await service.RunDueAsync(Token);

        var ids = server.Messages().Select(m => m.MessageId).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["digest-2026-11-24.42@coalitionbot", "digest-2026-11-25.42@coalitionbot", "digest-2026-11-26.42@coalitionbot"], ids);
    }
}
