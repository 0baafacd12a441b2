using CoalitionBot.Discord;
using CoalitionBot.Storage;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Digest;

/// What /resume and /report read: the messages since the last digest, and activity over a period.
internal sealed class RecentActivity(
    MessageStore messages,
    ChannelStore channels,
    ChannelListStore lists,
    DigestLedger ledger,
    IDigestPreparation preparation,
    IOptions<DigestOptions> options,
    IOptions<DiscordOptions> discord,
    TimeProvider time,
    ILogger<RecentActivity> logger)
{
    /// How far back /resume looks when no digest went out recently.
    public const int MaxDays = 7;

    private TimeZoneInfo Zone => options.Value.GetZone();

    private ulong GuildId => discord.Value.GuildSnowflake ?? 0;

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

        var allChannels = channels.All();
        var found = messages.InPeriod(from, now);
        if (channelId is { } only)
        {
            var threads = allChannels.Where(c => c.ParentId == only).Select(c => c.Id).ToHashSet();
            found = found.Where(m => m.ChannelId == only || threads.Contains(m.ChannelId)).ToList();
        }

        var period = new DigestPeriod(today, from, now, Zone);
        // An embed holds far less than a mail: a smaller budget keeps the best messages.
        var settings = new DigestSettings(SizeBudget: 30_000, MaxMessagesPerChannel: 8);
        return DigestBuilder.Build(new DigestRequest(period, GuildId, found, allChannels, lists.All()) { Settings = settings });
    }

    public ActivityReport Report(ReportPeriod kind)
    {
        var days = ActivityReport.Days(kind);
        var last = DigestPeriod.LastCompleteDay(time.GetUtcNow(), Zone);
        var first = last.AddDays(1 - days);
        var current = Period(first, last);
        var previous = Period(first.AddDays(-days), first.AddDays(-1));
        var allChannels = channels.All();
        var channelLists = lists.All();
        return ActivityReport.Build(
            kind,
            first,
            last,
            new DigestRequest(current, GuildId, messages.InPeriod(current.Start, current.End), allChannels, channelLists),
            new DigestRequest(previous, GuildId, messages.InPeriod(previous.Start, previous.End), allChannels, channelLists));
    }

    private DigestPeriod Period(DateOnly first, DateOnly last) =>
        new(first, DigestPeriod.StartOfDay(first, Zone), DigestPeriod.StartOfDay(last.AddDays(1), Zone), Zone);
}
