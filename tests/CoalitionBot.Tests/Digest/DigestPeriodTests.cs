using CoalitionBot.Digest;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Digest;

public sealed class DigestPeriodTests
{
    [Fact]
    public void An_ordinary_day_lasts_24_hours_from_local_midnight()
    {
        var period = DigestPeriod.ForDay(new DateOnly(2026, 11, 23), DigestFixtures.Brussels);

        Assert.Equal(TimeSpan.FromHours(24), period.Length);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 23, 0, 0, TimeSpan.Zero), period.Start.ToUniversalTime());
    }

    [Fact]
    public void The_spring_forward_day_of_2026_in_Brussels_lasts_23_hours()
    {
        var period = DigestPeriod.ForDay(new DateOnly(2026, 3, 29), DigestFixtures.Brussels);

        Assert.Equal(TimeSpan.FromHours(23), period.Length);
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero), period.Start.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero), period.End.ToUniversalTime());
    }

    [Fact]
    public void The_fall_back_day_of_2026_in_Brussels_lasts_25_hours()
    {
        var period = DigestPeriod.ForDay(new DateOnly(2026, 10, 25), DigestFixtures.Brussels);

        Assert.Equal(TimeSpan.FromHours(25), period.Length);
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero), period.Start.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 23, 0, 0, TimeSpan.Zero), period.End.ToUniversalTime());
    }

    [Fact]
    public void Messages_of_the_extra_hour_of_the_fall_back_day_belong_to_it()
    {
        var channel = DigestFixtures.Channel(10, "général");
        var period = DigestPeriod.ForDay(new DateOnly(2026, 10, 25), DigestFixtures.Brussels);
        // 02:30 local happens twice; both instants are in the day, and 23:30 local too.
        var instants = new[] { new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 25, 22, 30, 0, TimeSpan.Zero) };
        var messages = instants.Select((instant, i) => DigestFixtures.Message(10, "message " + i) with { Timestamp = instant }).ToList();
        var outside = DigestFixtures.Message(10, "le lendemain") with { Timestamp = period.End };

        var digest = DigestBuilder.Build(new DigestRequest(period, DigestFixtures.Guild, [.. messages, outside], [channel], []));

        Assert.Equal(3, digest.Figures.Messages);
        Assert.Equal(["02:30", "02:30", "23:30"], digest.Sections[0].Entries.Select(e => e.LocalTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_last_complete_day_is_yesterday_in_the_digest_zone()
    {
        // 23:30 UTC on the 23rd is already the 24th in Brussels.
        var now = new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 11, 23), DigestPeriod.LastCompleteDay(now, DigestFixtures.Brussels));
    }

    [Fact]
    public void French_dates_read_like_lundi_23_novembre_2026()
    {
        Assert.Equal("lundi 23 novembre 2026", DigestTexts.French.Date(new DateOnly(2026, 11, 23)));
        Assert.Equal("Monday 23 November 2026", DigestTexts.English.Date(new DateOnly(2026, 11, 23)));
    }
}
