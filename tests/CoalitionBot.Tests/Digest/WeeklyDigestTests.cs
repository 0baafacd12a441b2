using CoalitionBot.Digest;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Digest;

public sealed class WeeklyDigestTests
{
    private static readonly DateOnly WeekStart = new(2026, 11, 23);
    private static readonly DateOnly NextMonday = WeekStart.AddDays(7);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static DigestHarness Harness(DateTimeOffset now, bool weekly)
    {
        var harness = new DigestHarness(now);
        harness.Options.WeeklyDigest = weekly;
        harness.Options.CatchUpDays = 1;
        for (var day = WeekStart; day < NextMonday; day = day.AddDays(1))
        {
            harness.AddMessages(day, 2);
        }

        return harness;
    }

    [Fact]
    public async Task With_the_weekly_synthesis_on_the_past_week_is_mailed_once_on_the_chosen_day()
    {
        using var harness = Harness(DigestHarness.Local(NextMonday, 8), weekly: true);
        var transport = new RecordingTransport();
        using var service = harness.Service(transport);

        await service.RunDueAsync(Token);
        await service.RunDueAsync(Token);

        Assert.Equal(["digest-2026-11-29.42@coalitionbot", "digest-week-2026-11-23.42@coalitionbot"], transport.Sent.Select(m => m.MessageId));
        var week = transport.Sent.Last();
        Assert.Equal("[Coalition FFJ] Résumé de la semaine du lundi 23 novembre au dimanche 29 novembre 2026 — 14 messages", week.Subject);
        Assert.Contains("Ce qui s'est dit cette semaine-là", week.TextBody, StringComparison.Ordinal);
        Assert.Equal(DigestState.Sent, harness.Ledger.Find("week-2026-11-23")!.State);
    }

    [Fact]
    public void The_week_is_not_due_before_the_send_time_of_its_day()
    {
        using var harness = Harness(DigestHarness.Local(NextMonday, 6, 59), weekly: true);
        var transport = new RecordingTransport();
        using var service = harness.Service(transport);

        var early = service.LastCompleteWeek();
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var onTime = service.LastCompleteWeek();

        Assert.Equal(WeekStart.AddDays(-7), early);
        Assert.Equal(WeekStart, onTime);
    }

    [Fact]
    public async Task Without_the_weekly_synthesis_only_days_are_mailed()
    {
        using var harness = Harness(DigestHarness.Local(NextMonday, 8), weekly: false);
        var transport = new RecordingTransport();
        using var service = harness.Service(transport);

        await service.RunDueAsync(Token);

        Assert.Equal(["digest-2026-11-29.42@coalitionbot"], transport.Sent.Select(m => m.MessageId));
    }

    [Fact]
    public async Task A_week_compares_itself_with_the_week_before()
    {
        using var harness = Harness(DigestHarness.Local(NextMonday, 8), weekly: true);
        harness.AddMessages(WeekStart.AddDays(-3), 4);
        using var service = harness.Service(new RecordingTransport());

        var (digest, rendered) = service.Render(DigestSlot.Week(WeekStart, DigestFixtures.Brussels));

        Assert.Equal(10, digest.Figures.Change);
        Assert.Contains("+10 par rapport à la semaine précédente", rendered.Text, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(24 * 7), digest.Period.Length);
    }

    [Fact]
    public void The_weekly_day_must_be_a_day_of_the_week()
    {
        var result = new DigestOptionsValidator().Validate(null, new DigestOptions { WeeklyOn = "Lundi" });

        Assert.Contains(result.Failures!, f => f.StartsWith("Digest:WeeklyOn", StringComparison.Ordinal));
    }
}
