using CoalitionBot.Digest;
using CoalitionBot.Localization;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Activity;

/// What /resume reads: the messages since the last digest.
internal sealed class RecentActivity(
    DigestSource source,
    DigestLedger ledger,
    IDigestPreparation preparation,
    IOptions<LocaleOptions> locale,
    TimeProvider time,
    ILogger<RecentActivity> logger)
{
    /// How far back /resume looks when no digest went out recently.
    public const int MaxDays = 7;

    private TimeZoneInfo Zone => locale.Value.GetZone();

    /// From the end of the last mailed day (or the start of today) to now; one channel and its threads, or all.
    public async Task<DailyDigest> SinceLastDigestAsync(ulong? channelId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);
        var from = DigestPeriod.StartOfDay(today, Zone);
        for (var day = today.AddDays(-1); day >= today.AddDays(-MaxDays); day = day.AddDays(-1))
        {
            if (ledger.Find(day) is { State: DigestState.Sent or DigestState.Empty })
            {
                from = DigestPeriod.StartOfDay(day.AddDays(1), Zone);
                break;
            }
        }

        try
        {
            await preparation.RefreshRecentAsync(from, now, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.RecentRefreshFailed(logger, exception.Message);
        }

        var request = source.Request(new DigestPeriod(today, from, now, Zone));
        if (channelId is { } only)
        {
            var threads = request.Channels.Where(c => c.ParentId == only).Select(c => c.Id).ToHashSet();
            request = request with { Messages = request.Messages.Where(m => m.ChannelId == only || threads.Contains(m.ChannelId)).ToList() };
        }

        // An embed holds far less than a mail: a smaller budget keeps the best messages.
        return DigestBuilder.Build(request with { Settings = new DigestSettings(SizeBudget: 30_000, MaxMessagesPerChannel: 8) });
    }

    /// The last digest mailed in the last <see cref="MaxDays"/> days, built again from the stored
    /// messages for its highlights; null when none went out.
    public LastDigest? LastSent()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);
        for (var day = today.AddDays(-1); day >= today.AddDays(-MaxDays); day = day.AddDays(-1))
        {
            if (ledger.Find(day) is { State: DigestState.Sent, SentAt: { } sentAt })
            {
                return new LastDigest(day, TimeZoneInfo.ConvertTime(sentAt, Zone), DigestBuilder.Build(source.Request(DigestPeriod.ForDay(day, Zone))));
            }
        }

        return null;
    }
}

/// A digest that went out: its day, when it was sent (local time), and the digest as it was built.
internal sealed record LastDigest(DateOnly Day, DateTimeOffset SentAt, DailyDigest Digest);
