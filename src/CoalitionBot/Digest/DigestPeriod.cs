namespace CoalitionBot.Digest;

/// A local day in the digest's time zone, as the instants [Start, End): 23 or 25 hours long on
/// daylight-saving days.
internal sealed record DigestPeriod(DateOnly Day, DateTimeOffset Start, DateTimeOffset End, TimeZoneInfo Zone)
{
    public TimeSpan Length => End - Start;

    /// How many local days the period covers: 1 for a daily digest, 7 for the weekly synthesis.
    public int Days { get; init; } = 1;

    public DateOnly LastDay => Day.AddDays(Days - 1);

    public bool IsWeek => Days > 1;

    public static DigestPeriod ForDay(DateOnly day, TimeZoneInfo zone) =>
        new(day, StartOfDay(day, zone), StartOfDay(day.AddDays(1), zone), zone);

    public static DigestPeriod ForWeek(DateOnly firstDay, TimeZoneInfo zone) =>
        new(firstDay, StartOfDay(firstDay, zone), StartOfDay(firstDay.AddDays(7), zone), zone) { Days = 7 };

    /// The last day that has ended at the given instant.
    public static DateOnly LastCompleteDay(DateTimeOffset now, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).AddDays(-1);

    /// The first instant of a local day. Midnight may not exist (a spring-forward at 00:00): the day
    /// then starts at the first valid local time after it.
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        // An ambiguous midnight (a fall-back at 00:00) starts the day at its first occurrence, which has the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);
}
