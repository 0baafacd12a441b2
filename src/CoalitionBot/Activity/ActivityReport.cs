using CoalitionBot.Digest;
using CoalitionBot.Storage;

namespace CoalitionBot.Activity;

/// /report's figures over a period, from the daily aggregates: messages per channel, active
/// members, activity day by day (month by month for a year), the most-reacted messages while they
/// are still stored, and the change against the period before when that period was read whole.
internal sealed record ActivityReport(
    ReportPeriod Period,
    DateOnly From,
    DateOnly To,
    int Messages,
    int ActiveMembers,
    IReadOnlyList<ChannelActivity> Channels,
    IReadOnlyList<DigestHighlight> MostReacted,
    IReadOnlyList<ActivityBucket> Buckets)
{
    /// Messages over the period before, or null when the bot was not reading all of it.
    public int? PreviousMessages { get; init; }

    /// The first day the bot read, when it is after the start of the period before (null: it read all of it).
    public DateOnly? KnownSince { get; init; }

    /// Whether <see cref="ActiveMembers"/> is a daily average (any period longer than a day).
    public bool MembersPerDay => Period != ReportPeriod.Day;

    public static (DateOnly From, DateOnly To, DateOnly PreviousFrom) Range(ReportPeriod period, DateOnly last)
    {
        if (period == ReportPeriod.Year)
        {
            var from = new DateOnly(last.Year, last.Month, 1).AddMonths(-11);
            return (from, last, from.AddMonths(-12));
        }

        var days = period switch
        {
            ReportPeriod.Week => 7,
            ReportPeriod.Month => 30,
            _ => 1,
        };
        var first = last.AddDays(1 - days);
        return (first, last, first.AddDays(-days));
    }

    /// Pure: the recorded days of the period and of the one before (a day missing is a day not read).
    public static ActivityReport Build(
        ReportPeriod period,
        DateOnly last,
        IReadOnlyList<DayActivity> days,
        IReadOnlyList<ChannelDayActivity> channelDays,
        IReadOnlyList<DayActivity> previousDays,
        DateOnly? firstKnown,
        Func<ulong, (string Name, string Link)> channel,
        IReadOnlyList<DigestHighlight> mostReacted)
    {
        var (from, to, previousFrom) = Range(period, last);
        var inPeriod = days.Where(d => d.Day >= from && d.Day <= to).ToList();
        var channels = channelDays
            .Where(c => c.Day >= from && c.Day <= to)
            .GroupBy(c => c.ChannelId)
            .Select(g => (Id: g.Key, Messages: g.Sum(c => c.Messages), Named: channel(g.Key)))
            .Select(c => new ChannelActivity(c.Id, c.Named.Name, c.Named.Link, c.Messages))
            .OrderByDescending(a => a.Messages)
            .ThenBy(a => a.Name, StringComparer.CurrentCulture)
            .ToList();
        var members = inPeriod.Count == 0 ? 0
            : period == ReportPeriod.Day ? inPeriod[0].ActiveMembers
            : (int)Math.Round(inPeriod.Average(d => d.ActiveMembers), MidpointRounding.AwayFromZero);
        var previousWhole = firstKnown is { } known && known <= previousFrom;
        return new ActivityReport(period, from, to, inPeriod.Sum(d => d.Messages), members, channels, mostReacted, BucketsOf(period, from, to, inPeriod))
        {
            PreviousMessages = previousWhole ? previousDays.Where(d => d.Day >= previousFrom && d.Day < from).Sum(d => d.Messages) : null,
            KnownSince = previousWhole ? null : firstKnown,
        };
    }

    /// One bucket per day for a day, a week or a month; one per calendar month for a year.
    private static List<ActivityBucket> BucketsOf(ReportPeriod period, DateOnly from, DateOnly to, List<DayActivity> days)
    {
        var byDay = days.ToDictionary(d => d.Day);
        List<ActivityBucket> buckets = [];
        for (var start = from; start <= to;)
        {
            var end = period == ReportPeriod.Year ? new DateOnly(start.Year, start.Month, 1).AddMonths(1).AddDays(-1) : start;
            end = end > to ? to : end;
            var recorded = Enumerable.Range(0, end.DayNumber - start.DayNumber + 1)
                .Select(i => byDay.GetValueOrDefault(start.AddDays(i)))
                .OfType<DayActivity>()
                .ToList();
            buckets.Add(new ActivityBucket(
                start,
                end,
                recorded.Sum(d => d.Messages),
                recorded.Count == 0 ? 0 : (int)Math.Round(recorded.Average(d => d.ActiveMembers), MidpointRounding.AwayFromZero),
                recorded.Count > 0));
            start = end.AddDays(1);
        }

        return buckets;
    }
}

/// One bar of the chart: a day, or a month of a year. ActiveMembers is per day, on average over
/// its recorded days; Known is false when the bot read none of its days (drawn empty, not as zero).
internal sealed record ActivityBucket(DateOnly From, DateOnly To, int Messages, int ActiveMembers, bool Known);
