using CoalitionBot.Digest;
using CoalitionBot.Localization;
using CoalitionBot.Storage;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Activity;

/// What /report and the admin page read: the daily aggregates, settled first so yesterday is there.
internal sealed class ActivityReports(
    DigestSource source,
    DailyActivityRecorder recorder,
    DailyActivityStore store,
    IOptions<LocaleOptions> locale,
    TimeProvider time)
{
    public ActivityReport Report(ReportPeriod period)
    {
        recorder.Settle();
        var zone = locale.Value.GetZone();
        var last = DigestPeriod.LastCompleteDay(time.GetUtcNow(), zone);
        var (from, to, previousFrom) = ActivityReport.Range(period, last);
        var names = source.Channels().ToDictionary(c => c.Id, c => c.Name);
        // The messages themselves are kept Storage:RetentionDays: a year's most-reacted cannot be known.
        IReadOnlyList<DigestHighlight> reacted = period == ReportPeriod.Year ? [] : MostReacted(from, to, zone);
        return ActivityReport.Build(
            period,
            last,
            store.Days(from, to),
            store.Channels(from, to),
            store.Days(previousFrom, from.AddDays(-1)),
            // The first recorded day: on a file older than the aggregates, days before it were purged uncounted.
            store.FirstDay,
            id => (names.GetValueOrDefault(id) ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture), DigestBuilder.ChannelLink(source.GuildId, id)),
            reacted);
    }

    private List<DigestHighlight> MostReacted(DateOnly from, DateOnly to, TimeZoneInfo zone)
    {
        var period = new DigestPeriod(from, DigestPeriod.StartOfDay(from, zone), DigestPeriod.StartOfDay(to.AddDays(1), zone), zone);
        return DigestBuilder.Candidates(source.Request(period))
            .Where(c => c.Entry.Kind == DigestEntryKind.Message && c.Entry.Reactions > 0)
            .OrderByDescending(c => c.Entry.Reactions)
            .ThenBy(c => c.Message.Id)
            .Take(5)
            .Select(c => new DigestHighlight(c.Entry, c.Parent.Name, c.Thread?.Name, c.Entry.JumpLink, 1, 0, c.Entry.Reactions))
            .ToList();
    }
}
