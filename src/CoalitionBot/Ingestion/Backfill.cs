namespace CoalitionBot.Ingestion;

/// Where reading starts in a channel never read before.
internal static class Backfill
{
    /// The start of the local day <paramref name="backfillDays"/> days before today (0 counts as 1:
    /// the previous day, so the first digest is complete).
    public static DateTimeOffset Start(DateTimeOffset now, TimeZoneInfo zone, int backfillDays)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var day = DateOnly.FromDateTime(local.DateTime).AddDays(-Math.Max(1, backfillDays));
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(midnight))
        {
            // A zone that springs forward at midnight: the day starts at the first valid minute.
            midnight = midnight.AddMinutes(15);
        }

        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }
}
