using CoalitionBot.Activity;
using CoalitionBot.Digest;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Tests.Activity;

/// The daily aggregates on a real LiteDB file with the real retention job: /report looks back further
/// than the messages are kept, and a re-polled day moves only by the difference.
public sealed class DailyActivityTests
{
    private const ulong General = 10;
    private const ulong Legal = 11;
    private const ulong Thread = 12;
    private const ulong Board = 13;
    private static readonly DateOnly Start = new(2025, 10, 20);

    /// What a day holds in the generator: messages per channel (the thread counted in its parent), authors, reactions.
    private sealed record Expected(Dictionary<ulong, int> Messages, HashSet<ulong> Authors, int Reactions)
    {
        public int Total => Messages.Values.Sum();
    }

    [Fact]
    public void Four_hundred_days_with_retention_at_30_give_an_exact_year_report()
    {
        using var harness = Harness();
        var expected = new Dictionary<DateOnly, Expected>();
        var retention = ActivatorUtilities.CreateInstance<RetentionJob>(harness.Services);
        List<StoredMessage> yesterday = [];
        for (var i = 0; i < 400; i++)
        {
            var day = Start.AddDays(i);
            harness.Time.SetUtcNow(DigestHarness.Local(day, 7));
            // The refresh before a digest reads yesterday again: new reactions, one message deleted on Discord.
            if (yesterday.Count > 2 && i % 9 == 0)
            {
                var before = day.AddDays(-1);
                var refreshed = yesterday.Skip(1).Select(m => m with { Reactions = [new StoredReaction("👍", null, 1 + (int)(m.Id % 4))] }).ToList();
                harness.Messages.Delete([yesterday[0].Id]);
                harness.Messages.Upsert(refreshed);
                expected[before] = Count(refreshed, harness);
            }

            harness.Time.SetUtcNow(DigestHarness.Local(day, 23));
            yesterday = Generate(day, i);
            harness.Messages.Upsert(yesterday);
            expected[day] = Count(yesterday, harness);
            harness.Time.SetUtcNow(DigestHarness.Local(day.AddDays(1), 3));
            retention.Purge();
        }

        harness.Time.SetUtcNow(DigestHarness.Local(Start.AddDays(400), 10));
        var report = harness.Reports().Report(ReportPeriod.Year);

        var last = Start.AddDays(399);
        var first = new DateOnly(last.Year, last.Month, 1).AddMonths(-11);
        Assert.Equal((first, last), (report.From, report.To));
        Assert.True(harness.Messages.Count() < 40 * 20, "retention kept only the last 30 days of messages");
        Assert.Equal(12, report.Buckets.Count);
        for (var month = 0; month < 12; month++)
        {
            var from = first.AddMonths(month);
            var days = expected.Where(e => e.Key >= from && e.Key < from.AddMonths(1) && e.Key <= last).Select(e => e.Value).ToList();
            var bucket = report.Buckets[month];
            Assert.Equal(from, bucket.From);
            Assert.Equal(days.Sum(d => d.Total), bucket.Messages);
            Assert.Equal((int)Math.Round(days.Average(d => d.Authors.Count), MidpointRounding.AwayFromZero), bucket.ActiveMembers);
        }

        var inYear = expected.Where(e => e.Key >= first && e.Key <= last).Select(e => e.Value).ToList();
        Assert.Equal(inYear.Sum(d => d.Total), report.Messages);
        Assert.Equal(
            new[] { General, Legal }.Select(c => (c, inYear.Sum(d => d.Messages.GetValueOrDefault(c)))).OrderByDescending(c => c.Item2),
            report.Channels.Select(c => (c.ChannelId, c.Messages)));
        Assert.DoesNotContain(report.Channels, c => c.ChannelId == Board);
        // The twelve months before began before the bot was installed: no comparison, and why.
        Assert.Null(report.PreviousMessages);
        Assert.Equal(Start, report.KnownSince);

        // A month is within what was read: compared with the 30 days before, exactly.
        var month30 = harness.Reports().Report(ReportPeriod.Month);
        Assert.Equal(expected.Where(e => e.Key > last.AddDays(-30)).Sum(e => e.Value.Total), month30.Messages);
        Assert.Equal(expected.Where(e => e.Key > last.AddDays(-60) && e.Key <= last.AddDays(-30)).Sum(e => e.Value.Total), month30.PreviousMessages);
        var store = harness.Get<DailyActivityStore>();
        var stored = store.Days(Start, last);
        Assert.Equal(400, stored.Count);
        Assert.All(stored, d => Assert.Equal((expected[d.Day].Total, expected[d.Day].Authors.Count, expected[d.Day].Reactions), (d.Messages, d.ActiveMembers, d.Reactions)));
    }

    [Fact]
    public void A_day_is_written_once_it_ends_and_a_re_poll_changes_it_by_the_difference_only()
    {
        using var harness = Harness();
        var monday = new DateOnly(2026, 11, 23);
        harness.Get<CursorStore>().SetCoveredSince(DigestPeriod.StartOfDay(monday, DigestFixtures.Brussels));
        harness.Time.SetUtcNow(DigestHarness.Local(monday, 20));
        var messages = Generate(monday, 3);
        harness.Messages.Upsert(messages);
        var recorder = harness.Get<DailyActivityRecorder>();
        var store = harness.Get<DailyActivityStore>();

        Assert.Equal(0, recorder.Settle());
        Assert.Empty(store.Days(monday, monday));

        harness.Time.SetUtcNow(DigestHarness.Local(monday.AddDays(1), 1));
        Assert.True(recorder.Settle() > 0);
        var written = Assert.Single(store.Days(monday, monday));
        Assert.Equal(messages.Count(m => m.ChannelId != Board && !m.AuthorIsBot && m.Type == 0), written.Messages);

        // Nothing changed: nothing written. The same messages again (a re-poll): nothing written.
        Assert.Equal(0, recorder.Settle());
        harness.Messages.Upsert(messages);
        Assert.Equal(0, recorder.Settle());

        // One more reaction on a message of the general channel: the day and that channel move, by one.
        var general = messages.First(m => m.ChannelId == General && !m.AuthorIsBot);
        harness.Messages.Upsert([general with { Reactions = [.. general.Reactions, new StoredReaction("🎉", null, 1)] }]);
        Assert.Equal(2, recorder.Settle());
        Assert.Equal(written.Reactions + 1, Assert.Single(store.Days(monday, monday)).Reactions);
        Assert.Equal(written.Messages, Assert.Single(store.Days(monday, monday)).Messages);
    }

    [Fact]
    public void A_fresh_install_says_the_period_before_has_no_data_instead_of_a_gain_over_zero()
    {
        using var harness = Harness();
        var monday = new DateOnly(2026, 11, 23);
        harness.Get<CursorStore>().SetCoveredSince(DigestPeriod.StartOfDay(monday.AddDays(-1), DigestFixtures.Brussels));
        harness.Time.SetUtcNow(DigestHarness.Local(monday.AddDays(1), 10));
        harness.AddMessages(monday, 174);

        var report = harness.Reports().Report(ReportPeriod.Week);
        var embed = DigestEmbedRenderer.Render(report, DigestFixtures.French())[0];

        Assert.Equal(174, report.Messages);
        Assert.Null(report.PreviousMessages);
        Assert.Contains("**174 messages** (pas de données pour la période précédente", embed.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("+174", embed.Description, StringComparison.Ordinal);
        Assert.Contains("depuis le dimanche 22 novembre", embed.Description, StringComparison.Ordinal);
    }

    private static DigestHarness Harness()
    {
        var harness = new DigestHarness(DigestHarness.Local(Start, 0));
        harness.Channels.Upsert(
        [
            DigestFixtures.Channel(Legal, "veille-juridique"),
            DigestFixtures.Channel(Thread, "fil du procès", parent: Legal, type: 11),
            DigestFixtures.Channel(Board, "bureau", everyone: false),
        ]);
        harness.Get<CursorStore>().SetCoveredSince(DigestPeriod.StartOfDay(Start, DigestFixtures.Brussels));
        return harness;
    }

    /// A day's messages, varied by its index: the general channel, the legal channel and its thread,
    /// the board's room (not mailed), a bot and a pin (not counted).
    private static List<StoredMessage> Generate(DateOnly day, int index)
    {
        List<StoredMessage> messages = [];
        void Add(ulong channel, int count, int seed)
        {
            for (var k = 0; k < count; k++)
            {
                var author = (ulong)(1 + ((index + k * seed) % 7));
                messages.Add(DigestFixtures.Message(channel, $"jour {index} message {k}", hour: 8 + (k % 14), minute: k % 60, author: author, day: day) with
                {
                    Reactions = (index + k) % 4 == 0 ? [new StoredReaction("❤️", null, 1 + (k % 3))] : [],
                });
            }
        }

        Add(General, (index * 7) % 13, 3);
        Add(Legal, index % 5, 2);
        Add(Thread, index % 3 == 0 ? 2 : 0, 5);
        Add(Board, 2, 1);
        messages.Add(DigestFixtures.Message(General, "rappel automatique", hour: 9, author: 99, day: day) with { AuthorIsBot = true });
        messages.Add(DigestFixtures.Message(General, "", hour: 10, author: 1, day: day) with { Type = 6 });
        return messages;
    }

    private static Expected Count(List<StoredMessage> messages, DigestHarness harness)
    {
        _ = harness;
        var counted = messages.Where(m => m.ChannelId != Board && !m.AuthorIsBot && m.Type == 0).ToList();
        return new Expected(
            counted.GroupBy(m => m.ChannelId == Thread ? Legal : m.ChannelId).ToDictionary(g => g.Key, g => g.Count()),
            [.. counted.Select(m => m.AuthorId)],
            counted.Sum(m => m.Reactions.Sum(r => r.Count)));
    }
}
