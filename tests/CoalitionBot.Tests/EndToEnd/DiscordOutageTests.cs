using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CoalitionBot.Digest;
using CoalitionBot.Discord.RateLimits;
using CoalitionBot.Ingestion;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace CoalitionBot.Tests.EndToEnd;

/// Invariant 3 when Discord (or the Pi's internet) is not there at send time: the whole application
/// against a WireMock Discord that goes down, a fake clock, and a real SMTP server. Each day must be
/// mailed once, with every one of its messages, however late.
[Trait("Category", "Process")]
public sealed class DiscordOutageTests : IAsyncDisposable
{
    private const string AdminToken = "admin-token-for-outage-tests-01";
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private readonly GuildFake guild = new();
    private readonly FakeTimeProvider clock = new(Local(Monday, 8));
    private readonly Dictionary<DateOnly, int> expected = [];
    private readonly FakeUser[] people;
    private readonly FakeChannel general;
    private readonly FakeChannel legal;
    private readonly string data = Directory.CreateTempSubdirectory("coalitionbot-outage-").FullName;
    private AiosmtpdServer? smtp;
    private TestApp? app;

    public DiscordOutageTests()
    {
        people = [guild.AddUser("camille", "Camille"), guild.AddUser("jules", "Jules")];
        general = guild.AddChannel("général");
        legal = guild.AddChannel("veille-juridique");
        guild.Map();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private TestApp App => app!;

    [Fact]
    public async Task Discord_down_at_send_time_keeps_the_day_pending_and_mails_it_complete_once_discord_is_back()
    {
        await StartAsync(Local(Monday, 8));
        Talk(Monday, 9, 120);
        await PollAsync(Local(Monday, 18), PollOutcomes.Completed);
        // Posted after the last successful poll: today these were lost for good.
        Talk(Monday, 20, 61);

        guild.Outage = 503;
        await PollAsync(Local(Monday, 23).AddMinutes(55), PollOutcomes.Failed);
        await PollAsync(Local(Monday.AddDays(1), 7), PollOutcomes.Failed);
        var atSendTime = await RunDueAsync(Local(Monday.AddDays(1), 7));
        await PollAsync(Local(Monday.AddDays(1), 9).AddMinutes(30), PollOutcomes.Failed);
        var later = await RunDueAsync(Local(Monday.AddDays(1), 9).AddMinutes(30));
        var waiting = App.Get<DigestLedger>().Find(Monday)!;
        var health = await HealthAsync();
        var reason = (await App.Get<HealthCheckService>().CheckHealthAsync(Token)).Entries["digest"].Description;

        guild.Outage = null;
        await PollAsync(Local(Monday.AddDays(1), 10), PollOutcomes.Completed);
        var back = await RunDueAsync(Local(Monday.AddDays(1), 10));
        var again = await RunDueAsync(Local(Monday.AddDays(1), 10).AddMinutes(5));

        Assert.Equal((0, 0, 1, 0), (atSendTime, later, back, again));
        Assert.Equal(DigestState.Pending, waiting.State);
        Assert.StartsWith("no poll that began after 2026-11-23 23:00:00Z has succeeded yet (last failure: ", waiting.WaitingFor, StringComparison.Ordinal);
        Assert.Equal("degraded", (string?)health["checks"]!["digest"]!["status"]);
        // The public /healthz gives the state; the reason is for the admin status.
        Assert.StartsWith("the digest of 2026-11-23 waits for Discord: no poll that began after", reason, StringComparison.Ordinal);
        AssertMailedOnceEach(Monday);
    }

    [Fact]
    public async Task Discord_down_for_the_whole_catch_up_after_a_restart_sends_every_missed_day_complete_once_it_is_back()
    {
        await StartAsync(Local(Monday, 8));
        Talk(Monday, 9, 40);
        await PollAsync(Local(Monday, 12), PollOutcomes.Completed);

        // Down from Monday noon to Thursday morning; the server talks on.
        Talk(Monday, 14, 30);
        Talk(Monday.AddDays(1), 9, 150);
        Talk(Monday.AddDays(2), 10, 25);
        guild.Outage = 503;
        var restart = Local(Monday.AddDays(3), 9);
        clock.SetUtcNow(restart);
        await App.RestartAsync();
        var sent = 0;
        for (var minutes = 0; minutes <= 120; minutes += 5)
        {
            // The poll job and the catch-up, every five minutes for two hours, all while Discord is down.
            await PollAsync(restart.AddMinutes(minutes).AddSeconds(5), PollOutcomes.Failed);
            sent += await RunDueAsync(restart.AddMinutes(minutes + 1));
        }

        var ledger = App.Get<DigestLedger>();
        var states = new[] { Monday, Monday.AddDays(1), Monday.AddDays(2) }.Select(d => ledger.Find(d)?.State).ToList();
        guild.Outage = null;
        await PollAsync(restart.AddHours(3), PollOutcomes.Completed);
        var back = await RunDueAsync(restart.AddHours(3).AddMinutes(1));
        var again = await RunDueAsync(restart.AddHours(3).AddMinutes(6));

        Assert.Equal(0, sent);
        Assert.Equal([DigestState.Pending, DigestState.Pending, DigestState.Pending], states);
        Assert.Equal((3, 0), (back, again));
        AssertMailedOnceEach(Monday, Monday.AddDays(1), Monday.AddDays(2));
    }

    [Fact]
    public async Task The_token_rejected_at_send_time_keeps_the_day_pending_until_a_probe_finds_it_accepted_again()
    {
        await StartAsync(Local(Monday, 8));
        Talk(Monday, 9, 80);
        await PollAsync(Local(Monday, 18), PollOutcomes.Completed);
        Talk(Monday, 19, 45);

        guild.Outage = 401;
        await PollAsync(Local(Monday, 23).AddMinutes(30), PollOutcomes.Stopped);
        var atSendTime = await RunDueAsync(Local(Monday.AddDays(1), 7));
        var waiting = App.Get<DigestLedger>().Find(Monday)!;
        // Discord's incident ends; the next probe is due an hour after the last one.
        guild.Outage = null;
        await PollAsync(Local(Monday.AddDays(1), 7).AddMinutes(35), PollOutcomes.Stopped);
        var beforeProbe = await RunDueAsync(Local(Monday.AddDays(1), 7).AddMinutes(36));
        await PollAsync(Local(Monday.AddDays(1), 8).AddMinutes(1), PollOutcomes.Completed);
        var afterProbe = await RunDueAsync(Local(Monday.AddDays(1), 8).AddMinutes(2));

        Assert.Equal((0, 0, 1), (atSendTime, beforeProbe, afterProbe));
        Assert.Equal(DigestState.Pending, waiting.State);
        Assert.StartsWith("Discord rejected the bot token (401); it is tried again at ", waiting.WaitingFor, StringComparison.Ordinal);
        AssertMailedOnceEach(Monday);
    }

    [Fact]
    public async Task A_channel_the_last_poll_could_not_read_holds_the_day_until_a_poll_reads_it_and_a_forbidden_one_does_not()
    {
        await StartAsync(Local(Monday, 8));
        var secret = guild.AddChannel("bureau");
        guild.AddMessages(secret, 4, Local(Monday, 10), people[0]);
        secret.Forbidden = true;
        guild.Map();
        Talk(Monday, 9, 30);
        await PollAsync(Local(Monday, 18), PollOutcomes.Completed);
        Talk(Monday, 21, 12);
        legal.MessagesAnswer = _ =>
        {
            var page = GuildFake.Json(200, new JsonObject());
            page.BodyData!.BodyAsString = "<html>502 Bad Gateway</html>";
            return page;
        };

        await PollAsync(Local(Monday.AddDays(1), 6).AddMinutes(55), PollOutcomes.Completed);
        var atSendTime = await RunDueAsync(Local(Monday.AddDays(1), 7));
        var waiting = App.Get<DigestLedger>().Find(Monday)!;
        legal.MessagesAnswer = null;
        await PollAsync(Local(Monday.AddDays(1), 7).AddMinutes(5), PollOutcomes.Completed);
        var read = await RunDueAsync(Local(Monday.AddDays(1), 7).AddMinutes(6));

        Assert.Equal((0, 1), (atSendTime, read));
        Assert.StartsWith("the last poll could not read veille-juridique (", waiting.WaitingFor, StringComparison.Ordinal);
        AssertMailedOnceEach(Monday);
    }

    [Fact]
    public async Task Days_before_the_first_polls_starting_point_get_no_digest_and_no_record()
    {
        Talk(Monday, 9, 20);
        Talk(Monday.AddDays(1), 9, 30);
        Talk(Monday.AddDays(2), 9, 10);
        await StartAsync(Local(Monday.AddDays(2), 10));

        await PollAsync(Local(Monday.AddDays(2), 10), PollOutcomes.Completed);
        var sent = await RunDueAsync(Local(Monday.AddDays(2), 10).AddMinutes(1));
        var client = App.Client;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        using var asked = await client.PostAsync(new Uri("/admin/api/digests?date=2026-11-23", UriKind.Relative), null, Token);
        var problem = JsonNode.Parse(await asked.Content.ReadAsStringAsync(Token))!;

        // The first poll reads from the start of the previous day: Tuesday is the first digest.
        Assert.Equal(1, sent);
        expected.Remove(Monday);
        AssertMailedOnceEach(Monday.AddDays(1));
        var ledger = App.Get<DigestLedger>();
        Assert.All(Enumerable.Range(1, 7).Select(i => Monday.AddDays(1 - i)), day => Assert.Null(ledger.Find(day)));
        Assert.Equal(HttpStatusCode.Conflict, asked.StatusCode);
        Assert.StartsWith("The bot was not reading the server yet on 2026-11-23", (string?)problem["detail"], StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (smtp is not null)
        {
            await smtp.DisposeAsync();
        }

        guild.Dispose();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying host; the OS cleans temp folders.
        }
    }

    private static DateTimeOffset Local(DateOnly day, int hour) => DigestPeriod.StartOfDay(day, Brussels).AddHours(hour);

    /// Members write <paramref name="count"/> messages in the two channels from that hour on.
    private void Talk(DateOnly day, int hour, int count)
    {
        var inGeneral = (count * 2) / 3;
        guild.AddMessages(general, inGeneral, Local(day, hour).AddSeconds(expected.GetValueOrDefault(day)), people);
        guild.AddMessages(legal, count - inGeneral, Local(day, hour).AddMinutes(30).AddSeconds(expected.GetValueOrDefault(day)), people[0]);
        expected[day] = expected.GetValueOrDefault(day) + count;
    }

    private async Task StartAsync(DateTimeOffset now)
    {
        clock.SetUtcNow(now);
        smtp ??= await AiosmtpdServer.StartAsync(data, Token);
        var settings = new Dictionary<string, string?>
        {
            ["Discord:ApiBaseUrl"] = guild.BaseUrl,
            ["Discord:GuildId"] = guild.Guild.ToString(CultureInfo.InvariantCulture),
            ["Discord:BotToken"] = GuildFake.Token,
            ["Digest:To"] = "liste@coalition.example",
            ["Digest:From"] = "Coalition FFJ <bot@coalition.example>",
            ["Digest:ServerName"] = "Coalition FFJ",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Admin:Token"] = AdminToken,
        };
        app = new TestApp(settings, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            // Discord's rate limits pace real requests: they keep the real clock.
            services.RemoveAll<RateLimitRegistry>();
            services.AddSingleton(_ => new RateLimitRegistry(TimeProvider.System));
            // Retries of a 503 wait on the app's clock, which stands still: no delay between them.
            services.PostConfigureAll<HttpStandardResilienceOptions>(options =>
            {
                options.Retry.Delay = TimeSpan.Zero;
                options.Retry.UseJitter = false;
                options.Retry.BackoffType = DelayBackoffType.Constant;
            });
        }, dataDirectory: data);
    }

    /// What the poll job would do at that time.
    private async Task PollAsync(DateTimeOffset at, string outcome)
    {
        clock.SetUtcNow(at);
        var summary = await App.Get<Poller>().PollAsync(Token);
        Assert.True(summary.Outcome == outcome, $"poll at {at:u}: {summary.Outcome} {summary.Error}");
    }

    /// What the digest job would do at that time.
    private async Task<int> RunDueAsync(DateTimeOffset at)
    {
        clock.SetUtcNow(at);
        return await App.Get<DigestService>().RunDueAsync(Token);
    }

    private async Task<JsonNode> HealthAsync()
    {
        using var response = await App.Client.GetAsync(new Uri("/healthz", UriKind.Relative), Token);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!;
    }

    /// One mail per day, whose subject counts every message of that day, and nothing else.
    private void AssertMailedOnceEach(params DateOnly[] days)
    {
        var mails = smtp!.Messages().OrderBy(m => m.MessageId, StringComparer.Ordinal).ToList();
        Assert.Equal(days.Select(d => $"digest-{d:yyyy-MM-dd}.{guild.Guild}@coalitionbot"), mails.Select(m => m.MessageId));
        for (var i = 0; i < days.Length; i++)
        {
            Assert.EndsWith($" — {expected[days[i]]} messages", mails[i].Subject, StringComparison.Ordinal);
        }

        Assert.Empty(guild.UnmatchedRequests);
    }
}
