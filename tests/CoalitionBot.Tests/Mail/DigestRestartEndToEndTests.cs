using CoalitionBot.Digest;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Tests.Mail;

/// The whole application against a real SMTP server process, stopped and restarted over several days.
[Trait("Category", "Process")]
public sealed class DigestRestartEndToEndTests
{
    private static readonly DateOnly Day1 = new(2026, 11, 23);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Started_on_day_one_stopped_for_a_day_and_restarted_the_bot_mails_exactly_one_digest_per_day()
    {
        using var files = new TempDirectory();
        await using var smtp = await AiosmtpdServer.StartAsync(files.Path, Token);

        // Day 1 to day 2: running; day 2's digest is due on day 3 at 07:00, when the bot is down.
        using (var first = App(DigestHarness.Local(Day1.AddDays(1), 7, 30), files, smtp.Port))
        {
            Seed(first, Day1, Day1.AddDays(1), Day1.AddDays(2), Day1.AddDays(3));
            await first.Services.GetRequiredService<DigestService>().RunDueAsync(Token);
        }

        // Restarted on day 4, after the send time: day 2 and day 3 are caught up, day 1 is not sent again.
        using (var second = App(DigestHarness.Local(Day1.AddDays(3), 9), files, smtp.Port))
        {
            var service = second.Services.GetRequiredService<DigestService>();
            await service.RunDueAsync(Token);
            await service.RunDueAsync(Token);
        }

        var mails = smtp.Messages();
        Assert.Equal(
            ["digest-2026-11-23.42@coalitionbot", "digest-2026-11-24.42@coalitionbot", "digest-2026-11-25.42@coalitionbot"],
            mails.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.All(mails, mail =>
        {
            Assert.StartsWith("[Coalition FFJ] Résumé du ", mail.Subject, StringComparison.Ordinal);
            Assert.Contains("— 6 messages", mail.Subject, StringComparison.Ordinal);
            Assert.Matches(@"https://discord\.com/channels/42/10/\d+", mail.TextBody);
            Assert.Contains("href=\"https://discord.com/channels/42/10/", mail.HtmlBody, StringComparison.Ordinal);
        });
    }

    private static TestApp App(DateTimeOffset now, TempDirectory files, int port) =>
        DigestFixtures.App(now, new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
        }, realMail: true, dataDirectory: files.Path);

    private static void Seed(TestApp app, params DateOnly[] days)
    {
        app.Services.GetRequiredService<ChannelStore>().Upsert([DigestFixtures.Channel(10, "général")]);
        app.Services.GetRequiredService<MessageStore>().Upsert(
            [.. days.SelectMany(day => Enumerable.Range(0, 6).Select(i => DigestFixtures.Message(10, $"message {i} du {day:dd/MM}", hour: 8 + i, author: (ulong)(i % 3) + 1, day: day)))]);
    }
}
