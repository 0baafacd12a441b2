using System.Globalization;
using System.Text.RegularExpressions;
using CoalitionBot.Digest;
using CoalitionBot.Discord.RateLimits;
using CoalitionBot.Ingestion;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace CoalitionBot.Tests.EndToEnd;

/// The whole product over three days: the real application (as Program composes it) reads a busy
/// server played by WireMock, is stopped for a day and restarted, and a real SMTP server receives
/// exactly one correct digest per day. Time is a fake clock the test moves; nothing sleeps.
[Trait("Category", "Process")]
public sealed partial class ThreeDaysTests
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_busy_server_over_three_days_with_a_day_down_gets_one_digest_per_day()
    {
        using var guild = new GuildFake();
        var people = new[] { guild.AddUser("camille", "Camille", "Cam (bureau)"), guild.AddUser("jules", "Jules"), guild.AddUser("ines", "Inès") };
        var category = guild.AddChannel("Coalition", type: 4);
        var general = guild.AddChannel("général", type: 0, category: category);
        var legal = guild.AddChannel("veille-juridique", type: 0, category: category);
        var forum = guild.AddChannel("idées", type: 15, category: category);
        guild.Map();
        var expected = new Dictionary<DateOnly, int>();
        void Day(DateOnly day, int fromHour, int toHour)
        {
            // A busy day: pages of 100 in #général, a steady channel, and a forum post with replies.
            var count = guild.AddMessages(general, 130, Local(day, fromHour), people).Count
                + guild.AddMessages(legal, 12, Local(day, fromHour).AddHours(1), people[0], people[2]).Count;
            var post = guild.AddThread(forum, $"Proposition du {day:dd/MM}", people[1], Local(day, toHour - 1));
            count += guild.AddMessages(post, 9, Local(day, toHour - 1), people[1], people[0]).Count;
            expected[day] = expected.GetValueOrDefault(day) + count;
            guild.Map();
        }

        var clock = new FakeTimeProvider(Local(Monday, 18));
        var data = Directory.CreateTempSubdirectory("coalitionbot-3days-").FullName;
        await using var smtp = await AiosmtpdServer.StartAsync(data, Token);
        var settings = new Dictionary<string, string?>
        {
            ["Discord:ApiBaseUrl"] = guild.BaseUrl,
            ["Discord:GuildId"] = guild.Guild.ToString(CultureInfo.InvariantCulture),
            ["Discord:BotToken"] = GuildFake.Token,
            ["Digest:To"] = "liste@coalition.example",
            ["Digest:From"] = "Coalition FFJ <bot@coalition.example>",
            ["Digest:ServerName"] = "Coalition FFJ",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
        };
        await using var app = new TestApp(settings, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            // Discord's rate limits pace real requests: they keep the real clock.
            services.RemoveAll<RateLimitRegistry>();
            services.AddSingleton(_ => new RateLimitRegistry(TimeProvider.System));
        }, dataDirectory: data);

        // Monday: the bot starts in the evening and reads the day.
        Day(Monday, 9, 17);
        await PollAsync(app);

        // Tuesday 07:05: Monday's digest goes out. During the day, a poll at noon.
        clock.SetUtcNow(Local(Monday.AddDays(1), 7).AddMinutes(5));
        var mondaySent = await app.Get<DigestService>().RunDueAsync(Token);
        Day(Monday.AddDays(1), 9, 11);
        clock.SetUtcNow(Local(Monday.AddDays(1), 12));
        await PollAsync(app);

        // The bot goes down at noon on Tuesday; the server goes on talking until Thursday morning.
        Day(Monday.AddDays(1), 14, 20);
        Day(Monday.AddDays(2), 8, 22);
        clock.SetUtcNow(Local(Monday.AddDays(3), 8));
        await app.RestartAsync();
        await PollAsync(app);
        var caughtUp = await app.Get<DigestService>().RunDueAsync(Token);
        var again = await app.Get<DigestService>().RunDueAsync(Token);

        Assert.Equal((1, 2, 0), (mondaySent, caughtUp, again));
        var mails = smtp.Messages().OrderBy(m => m.MessageId, StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["digest-2026-11-23.", "digest-2026-11-24.", "digest-2026-11-25."],
            mails.Select(m => m.MessageId![..18]));
        string[] days = ["lundi 23 novembre 2026", "mardi 24 novembre 2026", "mercredi 25 novembre 2026"];
        for (var i = 0; i < 3; i++)
        {
            var mail = mails[i];
            var day = Monday.AddDays(i);
            Assert.Equal($"[Coalition FFJ] Résumé du {days[i]} — {expected[day]} messages", mail.Subject);
            Assert.Equal($"digest-{day:yyyy-MM-dd}.{guild.Guild}@coalitionbot", mail.MessageId);
            Assert.Equal(["text/plain", "text/html"], Assert.IsType<MultipartAlternative>(mail.Body).Select(p => p.ContentType.MimeType));
            using var size = new MemoryStream();
            await mail.WriteToAsync(size, Token);
            Assert.True(size.Length < 40_000, $"{day}: {size.Length} bytes is over the budget");
            AssertLinksPointAtThatDaysMessages(mail, guild, day);
        }

        Assert.Empty(guild.UnmatchedRequests);
    }

    private static async Task PollAsync(TestApp app)
    {
        var summary = await app.Get<Poller>().PollAsync(Token);
        Assert.True(summary.Outcome == PollOutcomes.Completed, $"poll: {summary.Outcome} {summary.Error}");
    }

    /// Every jump link in the mail names this server, a channel of it and one of that day's messages.
    private static void AssertLinksPointAtThatDaysMessages(MimeMessage mail, GuildFake guild, DateOnly day)
    {
        var messages = guild.AllMessages.ToDictionary(m => m.Id);
        var links = JumpLink().Matches(mail.TextBody ?? "").ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            Assert.Equal(guild.Guild.ToString(CultureInfo.InvariantCulture), link.Groups["guild"].Value);
            if (!link.Groups["message"].Success)
            {
                continue;
            }

            var message = messages[ulong.Parse(link.Groups["message"].Value, CultureInfo.InvariantCulture)];
            Assert.Equal(message.ChannelId.ToString(CultureInfo.InvariantCulture), link.Groups["channel"].Value);
            Assert.Equal(day, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(message.Timestamp, Brussels).DateTime));
        }
    }

    private static DateTimeOffset Local(DateOnly day, int hour) => DigestPeriod.StartOfDay(day, Brussels).AddHours(hour);

    [GeneratedRegex(@"https://discord\.com/channels/(?<guild>\d+)/(?<channel>\d+)(/(?<message>\d+))?")]
    private static partial Regex JumpLink();
}
