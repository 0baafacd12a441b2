using System.Globalization;
using CoalitionBot.Activity;
using CoalitionBot.Backup;
using CoalitionBot.Digest;
using CoalitionBot.Discord.RateLimits;
using CoalitionBot.Ingestion;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Tests.Backup;

/// The restore of docs/operations.md, done as an operator would: the running bot (as Program
/// composes it, on a real LiteDB file) takes a snapshot, goes on working, and a bot started on a
/// copy of the snapshot has what the first one had at that moment.
public sealed class BackupRestoreTests : IDisposable
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private readonly TempDirectory restoredData = new("coalitionbot-restored-");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_bot_started_on_a_snapshot_has_the_lists_cursors_digest_records_and_aggregates_of_the_moment_it_was_taken()
    {
        using var guild = new GuildFake();
        var people = new[] { guild.AddUser("camille", "Camille"), guild.AddUser("jules", "Jules"), guild.AddUser("ines", "Inès") };
        var category = guild.AddChannel("Coalition", type: 4);
        var general = guild.AddChannel("général", type: 0, category: category);
        var legal = guild.AddChannel("veille-juridique", type: 0, category: category);
        guild.AddMessages(general, 40, Local(Monday, 9), people);
        guild.AddMessages(legal, 6, Local(Monday, 14), people[0], people[2]);
        guild.Map();
        var clock = new FakeTimeProvider(Local(Monday, 18));
        var settings = Settings(guild);
        await using var app = new TestApp(settings, Services(clock));
        await PollAsync(app);
        var lists = app.Get<ChannelListStore>();
        lists.SetExcluded(legal.Id, "veille-juridique", excluded: true, Actor.Token);
        lists.SetImportant(general.Id, "général", important: true, Actor.Token);
        clock.SetUtcNow(Local(Monday.AddDays(1), 7).AddMinutes(5));
        Assert.Equal(1, await app.Get<DigestService>().RunDueAsync(Token));
        var snapshotTime = clock.GetUtcNow();
        Assert.True(app.Get<DailyActivityRecorder>().Settle() > 0, "Monday's aggregates are written");
        var atSnapshot = Capture(app);

        var snapshot = app.Get<SnapshotWriter>().TakeSnapshot();

        // The bot goes on after the snapshot: none of this may be in what is restored.
        Assert.NotNull(snapshot);
        guild.AddMessages(general, 5, Local(Monday.AddDays(1), 9), people[1]);
        guild.Map();
        clock.SetUtcNow(Local(Monday.AddDays(1), 12));
        await PollAsync(app);
        lists.SetExcluded(legal.Id, "veille-juridique", excluded: false, Actor.Token);
        Assert.NotEqual(atSnapshot, Capture(app));

        // docs/operations.md, "Restore": the snapshot becomes the database of a bot that starts on it.
        File.Copy(snapshot.Path, Path.Combine(restoredData.Path, "coalitionbot.db"));
        await using var restored = new TestApp(settings, Services(new FakeTimeProvider(snapshotTime)), dataDirectory: restoredData.Path);

        Assert.Equal(atSnapshot, Capture(restored));
        Assert.Equal(46, restored.Get<MessageStore>().Count());
        Assert.Empty(guild.UnmatchedRequests);
    }

    public void Dispose() => restoredData.Dispose();

    private static Action<IServiceCollection> Services(FakeTimeProvider clock) => services =>
    {
        services.AddSingleton<TimeProvider>(clock);
        // Discord's rate limits pace real requests: they keep the real clock.
        services.RemoveAll<RateLimitRegistry>();
        services.AddSingleton(_ => new RateLimitRegistry(TimeProvider.System));
    };

    /// What a restore must bring back, one line per item, in a stable order.
    private static List<string> Capture(TestApp app)
    {
        var lines = new List<string>();
        lines.AddRange(app.Get<ChannelListStore>().All().Select(e => $"list {e.ChannelId} {e.Name} excluded={e.Excluded} important={e.Important} by={e.ChangedBy} at={e.ChangedAt:O}"));
        lines.AddRange(app.Get<CursorStore>().All().OrderBy(c => c.Key).Select(c => $"cursor {c.Key} {c.Value}"));
        lines.Add($"covered since {app.Get<CursorStore>().CoveredSince:O}");
        lines.AddRange(app.Get<DigestLedger>().Latest(30).Select(r => $"digest {r.Id} {r.State} {r.Messages} {r.SentAt:O} {r.MessageId} {r.Subject} {r.Text.Length}"));
        // The daily aggregates themselves (kept beyond retention, so only a backup brings them back).
        var aggregates = app.Get<DailyActivityStore>();
        lines.AddRange(aggregates.Days(Monday.AddDays(-30), Monday.AddDays(30)).Select(d => $"aggregate {d.Day} messages={d.Messages} members={d.ActiveMembers} reactions={d.Reactions}"));
        lines.AddRange(aggregates.Channels(Monday.AddDays(-30), Monday.AddDays(30)).Select(c => $"aggregate {c.Day} {c.ChannelId} messages={c.Messages} authors={c.Authors}"));
        var week = app.Get<ActivityReports>().Report(ReportPeriod.Week);
        lines.Add($"report {week.From}..{week.To} messages={week.Messages} members={week.ActiveMembers}");
        lines.AddRange(week.Channels.Select(c => $"report channel {c.ChannelId} {c.Name} {c.Messages}"));
        return lines;
    }

    private static Dictionary<string, string?> Settings(GuildFake guild) => new()
    {
        ["Discord:ApiBaseUrl"] = guild.BaseUrl,
        ["Discord:GuildId"] = guild.Guild.ToString(CultureInfo.InvariantCulture),
        ["Discord:BotToken"] = GuildFake.Token,
        ["Digest:To"] = "liste@coalition.example",
        ["Digest:From"] = "Coalition FFJ <bot@coalition.example>",
    };

    private static async Task PollAsync(TestApp app)
    {
        var summary = await app.Get<Poller>().PollAsync(Token);
        Assert.True(summary.Outcome == PollOutcomes.Completed, $"poll: {summary.Outcome} {summary.Error}");
    }

    private static DateTimeOffset Local(DateOnly day, int hour) => DigestPeriod.StartOfDay(day, Brussels).AddHours(hour);
}
