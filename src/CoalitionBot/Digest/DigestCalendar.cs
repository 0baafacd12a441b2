using Microsoft.Extensions.Options;

namespace CoalitionBot.Digest;

/// When digests fall due: days and weeks in the digest's zone, and the send time after each.
internal sealed class DigestCalendar(IOptions<DigestOptions> options, TimeProvider time)
{
    public TimeZoneInfo Zone => options.Value.GetZone();

    public DateTimeOffset Now() => time.GetUtcNow();

    public DateOnly LastCompleteDay() => DigestPeriod.LastCompleteDay(time.GetUtcNow(), Zone);

    /// The first day of the last week whose synthesis is due: the seven days before the latest
    /// Digest:WeeklyOn whose send time has passed.
    public DateOnly LastCompleteWeek()
    {
        var sendDay = LastCompleteDay().AddDays(1);
        while (sendDay.DayOfWeek != options.Value.GetWeeklyOn() || time.GetUtcNow() < DueAt(sendDay.AddDays(-1)))
        {
            sendDay = sendDay.AddDays(-1);
        }

        return sendDay.AddDays(-7);
    }

    /// When a day's digest is due: the next day at Digest:SendAt, local time.
    public DateTimeOffset DueAt(DateOnly day)
    {
        var local = day.AddDays(1).ToDateTime(options.Value.GetSendAt(), DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public DigestSlot Day(DateOnly day) => DigestSlot.Day(day, Zone);

    public DigestSlot Week(DateOnly firstDay) => DigestSlot.Week(firstDay, Zone);
}
