using CoalitionBot.Digest;
using CoalitionBot.Localization;
using CoalitionBot.Storage;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Activity;

/// Turns the stored messages of each complete local day into its aggregates (<see cref="DayActivity"/>,
/// <see cref="ChannelDayActivity"/>), counted exactly as the digest counts them (the same candidates:
/// messages, not pins or joins; the channels it mails, threads in their parent).
/// Settled before /report reads and before retention deletes: a day is first written once it has
/// ended; the days whose messages are all still stored are counted again and written only where a
/// count moved, so a re-polled day changes by the difference and a purged day never changes again.
internal sealed class DailyActivityRecorder(
    DigestSource source,
    MessageStore messages,
    CursorStore cursors,
    DailyActivityStore store,
    IOptions<LocaleOptions> locale,
    IOptions<StorageOptions> storage,
    TimeProvider time) : IBeforeRetention
{
    private readonly Lock gate = new();

    /// The first day the aggregates can speak for: the first whole day ingestion read, or (without
    /// a poll record) the day of the oldest stored message; null when nothing was ever read.
    private DateOnly? FirstCoveredDay()
    {
        var zone = locale.Value.GetZone();
        if (cursors.CoveredSince is { } covered)
        {
            return FirstWholeDayFrom(covered, zone);
        }

        return messages.Earliest() is { } earliest ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(earliest, zone).DateTime) : null;
    }

    public void BeforePurge(DateTimeOffset cutoff) => Settle(cutoff);

    /// Writes every complete day not yet written, and counts again the complete days still whole in
    /// the store. Returns how many documents changed.
    public int Settle() => Settle(time.GetUtcNow() - TimeSpan.FromDays(storage.Value.RetentionDays));

    private int Settle(DateTimeOffset cutoff)
    {
        var zone = locale.Value.GetZone();
        if (FirstCoveredDay() is not { } firstCovered)
        {
            return 0;
        }

        var last = DigestPeriod.LastCompleteDay(time.GetUtcNow(), zone);
        // A day that began before the cut-off may have lost messages already: it is not counted again.
        var firstWhole = FirstWholeDayFrom(cutoff, zone);
        lock (gate)
        {
            var written = store.LastDay;
            var first = written is { } lastWritten ? Min(lastWritten.AddDays(1), firstWhole) : Max(firstCovered, firstWhole);
            first = Max(first, firstCovered);
            if (first > last)
            {
                return 0;
            }

            var period = new DigestPeriod(first, DigestPeriod.StartOfDay(first, zone), DigestPeriod.StartOfDay(last.AddDays(1), zone), zone);
            var candidates = DigestBuilder.Candidates(source.Request(period))
                .Where(c => c.Entry.Kind == DigestEntryKind.Message)
                .GroupBy(c => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(c.Message.Timestamp, zone).DateTime))
                .ToDictionary(g => g.Key, g => g.ToList());
            var changed = 0;
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                var counted = candidates.GetValueOrDefault(day) ?? [];
                var channels = counted
                    .GroupBy(c => c.Parent.Id)
                    .Select(g => new ChannelDayActivity
                    {
                        Id = ChannelDayActivity.Key(day, g.Key),
                        DayNumber = day.DayNumber,
                        ChannelId = g.Key,
                        Messages = g.Count(),
                        Authors = g.Select(c => c.Message.AuthorId).Distinct().Count(),
                        Reactions = g.Sum(c => c.Entry.Reactions),
                    })
                    .ToList();
                var total = new DayActivity
                {
                    Id = day.DayNumber,
                    Messages = counted.Count,
                    ActiveMembers = counted.Select(c => c.Message.AuthorId).Distinct().Count(),
                    Reactions = counted.Sum(c => c.Entry.Reactions),
                };
                changed += store.Write(total, channels);
            }

            return changed;
        }
    }

    private static DateOnly FirstWholeDayFrom(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        return DigestPeriod.StartOfDay(day, zone) < instant ? day.AddDays(1) : day;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
