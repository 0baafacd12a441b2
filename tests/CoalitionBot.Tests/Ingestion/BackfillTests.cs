using CoalitionBot.Ingestion;

namespace CoalitionBot.Tests.Ingestion;

public sealed class BackfillTests
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    [Theory]
    // Winter: local midnight is 23:00 UTC the day before.
    [InlineData("2026-01-15T10:00:00Z", 0, "2026-01-13T23:00:00Z")]
    // The morning after the spring change: the previous day started in winter time.
    [InlineData("2026-03-29T10:00:00Z", 0, "2026-03-27T23:00:00Z")]
    // Summer, just after local midnight (still the previous UTC day).
    [InlineData("2026-07-01T22:30:00Z", 0, "2026-06-30T22:00:00Z")]
    // BackfillDays counts local days back from today.
    [InlineData("2026-07-01T10:00:00Z", 3, "2026-06-27T22:00:00Z")]
    [InlineData("2026-07-01T10:00:00Z", 1, "2026-06-29T22:00:00Z")]
    public void The_first_read_starts_at_local_midnight_of_the_previous_day_or_of_backfill_days_ago(string now, int backfillDays, string expected)
    {
        var start = Backfill.Start(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), Brussels, backfillDays);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), start);
    }
}
