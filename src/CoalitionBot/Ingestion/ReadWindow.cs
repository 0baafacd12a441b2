using CoalitionBot.Localization;
using CoalitionBot.Storage;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Ingestion;

/// How far back a poll reads: the backfill for what it sees the first time, and the retention
/// limit no cursor reads past.
internal sealed class ReadWindow(IOptions<IngestionOptions> ingestion, IOptions<LocaleOptions> locale, IOptions<StorageOptions> storage)
{
    /// A channel or thread seen for the first time is read from the backfill start, or from the
    /// last completed poll when that is earlier: a forum post opened while the bot was down for a
    /// day still lands in that day's digest.
    public DateTimeOffset BackfillStart(DateTimeOffset started, DateTimeOffset? lastPoll)
    {
        var backfillStart = Backfill.Start(started, locale.Value.GetZone(), ingestion.Value.BackfillDays);
        return lastPoll is { } last && last < backfillStart ? last : backfillStart;
    }

    /// A cursor left behind (a channel excluded for a while) never reads what retention would purge.
    public DateTimeOffset OldestKept(DateTimeOffset started) => started - TimeSpan.FromDays(storage.Value.RetentionDays);
}
