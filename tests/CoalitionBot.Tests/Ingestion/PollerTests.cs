using System.Globalization;
using CoalitionBot.Discord;
using CoalitionBot.Ingestion;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WireMock.Logging;

namespace CoalitionBot.Tests.Ingestion;

/// The poller against a WireMock Discord and a real LiteDB file.
public sealed class PollerTests : IDisposable
{
    private readonly GuildFake fake = new();
    private readonly TempDirectory data = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_poll_stores_exactly_every_message_of_several_channels_threads_and_pages()
    {
        var sample = new SampleGuild(fake);
        var start = fake.Now.AddHours(-2);
        var workshop = fake.AddChannel("atelier");
        fake.AddMessages(workshop, 1234, start, sample.Camille, sample.Jules, sample.Plain);
        var volunteers = fake.AddChannel("bénévoles");
        fake.AddMessages(volunteers, 700, start.AddMinutes(1), sample.Jules);
        var full = fake.AddChannel("pile-100");
        fake.AddMessages(full, 100, start.AddMinutes(2), sample.Plain);
        var longPost = fake.AddThread(sample.Forum, "long post", sample.Jules, start);
        fake.AddMessages(longPost, 345, start.AddSeconds(30), sample.Camille, sample.Jules);
        var thread = fake.AddThread(workshop, "fil", sample.Camille, start.AddMinutes(3));
        fake.AddMessages(thread, 250, start.AddMinutes(3), sample.Camille);
        var archived = fake.AddThread(volunteers, "archivé", sample.Jules, start.AddMinutes(4));
        fake.AddMessages(archived, 150, start.AddMinutes(4), sample.Jules);
        archived.ArchivedAt = fake.Now.AddMinutes(-30);
        fake.Map();
        using var host = Host();

        var summary = await host.Poller.PollAsync(Token);

        var expected = fake.AllMessages.Select(m => m.Id).Order().ToList();
        Assert.True(expected.Count > 2500);
        Assert.Equal(PollOutcomes.Completed, summary.Outcome);
        Assert.Equal(expected.Count, summary.MessagesStored);
        Assert.Equal(expected.Count, host.Messages.Count());
        Assert.Equal(expected, StoredIds(host));
        foreach (var channel in fake.Channels.Where(c => c.Messages.Count > 0))
        {
            Assert.Equal(channel.Messages.Keys.Max(), host.Cursors.Get(channel.Id));
        }

        foreach (var reads in MessageRequests().GroupBy(r => r.RequestMessage.Path))
        {
            // Forward paging: each page starts after the newest message of the one before.
            var afters = reads.Select(After).ToList();
            Assert.Equal(afters.Order(), afters);
            Assert.Equal(afters.Count, afters.Distinct().Count());
        }

        Assert.Empty(fake.UnmatchedRequests);
    }

    [Fact]
    public async Task A_second_poll_of_a_quiet_server_makes_at_most_two_requests()
    {
        _ = new SampleGuild(fake);
        fake.Map();
        using var host = Host();
        await host.Poller.PollAsync(Token);
        var before = fake.Requests.Count;

        var summary = await host.Poller.PollAsync(Token);

        Assert.Equal(PollOutcomes.Completed, summary.Outcome);
        Assert.Equal(0, summary.MessagesStored);
        Assert.InRange(fake.Requests.Count - before, 1, 2);
        Assert.Equal(fake.Requests.Count - before, summary.Requests);
        Assert.Empty(fake.UnmatchedRequests);
    }

    [Fact]
    public async Task A_poll_interrupted_midway_and_restarted_stores_everything_once()
    {
        var sample = new SampleGuild(fake);
        var big = fake.AddChannel("gros");
        fake.AddMessages(big, 950, fake.Now.AddHours(-2), sample.Camille, sample.Jules);
        fake.Map();
        using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var pages = 0;
        fake.BeforeAnswer = request =>
        {
            if (request.Path.EndsWith($"/channels/{big.Id}/messages", StringComparison.Ordinal) && ++pages == 4)
            {
                interrupted.Cancel();
            }
        };

        using (var first = Host())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.Poller.PollAsync(interrupted.Token));
            var stored = first.Messages.Count();
            Assert.InRange(stored, 300, fake.AllMessages.Count() - 1);
            // The cursor is exactly at the newest stored message of the interrupted channel: never ahead.
            var storedOfBig = first.Messages.InChannel(big.Id, fake.Now.AddDays(-1), fake.Now.AddDays(1));
            Assert.Equal(0, storedOfBig.Count % 100);
            Assert.Equal(storedOfBig.Max(m => m.Id), first.Cursors.Get(big.Id));
        }

        fake.BeforeAnswer = null;
        using var restarted = Host();
        var summary = await restarted.Poller.PollAsync(Token);

        Assert.Equal(PollOutcomes.Completed, summary.Outcome);
        Assert.Equal(fake.AllMessages.Select(m => m.Id).Order(), StoredIds(restarted));
        Assert.Empty(fake.UnmatchedRequests);
    }

    [Fact]
    public async Task Messages_stored_again_after_a_cursor_that_lagged_behind_are_not_duplicated()
    {
        var sample = new SampleGuild(fake);
        var big = fake.AddChannel("gros");
        fake.AddMessages(big, 250, fake.Now.AddHours(-2), sample.Camille);
        fake.Map();
        using var host = Host();
        await host.Poller.PollAsync(Token);
        var count = host.Messages.Count();

        // As if the process died after storing a page but before moving the cursor.
        host.Get<Database>().Collection<ChannelCursor>(CursorStore.CollectionName)
            .Upsert(new ChannelCursor { Id = big.Id, LastMessageId = big.Messages.Keys.Order().ElementAt(49) });
        var summary = await host.Poller.PollAsync(Token);

        Assert.Equal(200, summary.MessagesStored);
        Assert.Equal(count, host.Messages.Count());
        Assert.Equal(fake.AllMessages.Select(m => m.Id).Order(), StoredIds(host));
    }

    [Fact]
    public async Task A_forbidden_channel_is_marked_unreadable_and_skipped_while_the_others_are_read()
    {
        var sample = new SampleGuild(fake);
        var secret = fake.AddChannel("modération");
        fake.AddMessages(secret, 5, fake.Now.AddHours(-1), sample.Camille);
        secret.Forbidden = true;
        var privateThread = fake.AddThread(sample.General, "privé", sample.Camille, fake.Now.AddMinutes(-50), type: 12);
        fake.AddMessages(privateThread, 2, fake.Now.AddMinutes(-50), sample.Camille);
        privateThread.Forbidden = true;
        fake.Map();
        using var host = Host();

        var summary = await host.Poller.PollAsync(Token);
        fake.AddMessages(secret, 1, fake.Now.AddMinutes(-1), sample.Camille);
        fake.AddMessages(sample.General, 1, fake.Now.AddMinutes(-1), sample.Jules);
        var second = await host.Poller.PollAsync(Token);

        Assert.Equal(PollOutcomes.Completed, summary.Outcome);
        Assert.Equal(["modération", "privé"], summary.Unreadable.Order());
        Assert.False(host.Channels.Find(privateThread.Id)!.AudienceCanView);
        Assert.StartsWith("403", host.Channels.Find(secret.Id)!.Unreadable, StringComparison.Ordinal);
        Assert.Equal(fake.AllMessages.Where(m => m.ChannelId != secret.Id && m.ChannelId != privateThread.Id).Select(m => m.Id).Order(), StoredIds(host));
        Assert.Equal(1, second.MessagesStored);
        // Refused once (its archived threads, on the first poll); not asked again within the retry delay.
        Assert.Single(fake.RequestsTo($"/channels/{secret.Id}/"));
        Assert.Empty(fake.UnmatchedRequests);
    }

    public static TheoryData<string> BrokenPages => ["html page", "object", "truncated", "null entry", "null", "author missing", "page behind the cursor"];

    [Theory]
    [MemberData(nameof(BrokenPages))]
    public async Task A_broken_page_fails_that_channels_read_for_this_poll_and_the_next_poll_reads_it(string kind)
    {
        var sample = new SampleGuild(fake);
        var broken = fake.AddChannel("cassé");
        var waiting = fake.AddMessages(broken, 5, fake.Now.AddHours(-1), sample.Camille);
        // Messages from before the poll's starting point, as a confused Discord (or proxy) might send back.
        var old = Enumerable.Range(0, 100).Select(i => fake.Now.AddDays(-5).AddSeconds(i))
            .Select(at => new FakeMessage(fake.Snowflake(at), broken.Id, sample.Jules, "vieux", at)).ToList();
        var answered = 0;
        broken.MessagesAnswer = request =>
        {
            if (++answered > 3)
            {
                // Asked again and again: a loop. Fail it rather than hang the test.
                return GuildFake.Json(500, Payloads.Error(0, "looping"));
            }

            var page = new System.Text.Json.Nodes.JsonArray([.. old.OrderByDescending(m => m.Id).Select(m => (System.Text.Json.Nodes.JsonNode)Payloads.Message(m))]);
            var message = Payloads.Message(waiting[0]);
            message.Remove("author");
            var (status, body, type) = kind switch
            {
                "html page" => (200, "<html><body><h1>Welcome to the hotel Wi-Fi</h1></body></html>", "text/html"),
                "object" => (200, """{"messages": []}""", "application/json"),
                "truncated" => (200, """[{"id": "1300000000000000000", "channel_id": """, "application/json"),
                "null entry" => (200, "[null]", "application/json"),
                "null" => (200, "null", "application/json"),
                "author missing" => (200, new System.Text.Json.Nodes.JsonArray(message).ToJsonString(), "application/json"),
                _ => (200, page.ToJsonString(), "application/json"),
            };
            var response = GuildFake.Json(status, new System.Text.Json.Nodes.JsonObject());
            response.BodyData!.BodyAsString = body;
            response.Headers!["Content-Type"] = new WireMock.Types.WireMockList<string>(type);
            return response;
        };
        fake.Map();
        var logs = new LogCollector();
        using var host = IngestionFixtures.Host(data.Path, fake.BaseUrl, guildId: fake.Guild, configureServices: services => services.AddLogging(logging => logging.AddProvider(logs)));

        var summary = await host.Poller.PollAsync(Token);
        broken.MessagesAnswer = null;
        var next = await host.Poller.PollAsync(Token);

        Assert.Equal(PollOutcomes.Completed, summary.Outcome);
        Assert.Equal(["cassé"], summary.Incomplete);
        Assert.Equal(1, answered);
        Assert.All(fake.Channels.Where(c => c != broken).SelectMany(c => c.Messages.Values), m => Assert.NotNull(host.Messages.Find(m.Id)));
        var line = Assert.Single(logs.Lines, l => l.Level == LogLevel.Warning);
        Assert.StartsWith($"Channel cassé ({broken.Id}) could not be read in this poll (", line.Message, StringComparison.Ordinal);
        Assert.Equal(PollOutcomes.Completed, next.Outcome);
        Assert.Empty(next.Incomplete);
        Assert.Equal(fake.AllMessages.Select(m => m.Id).Order(), StoredIds(host));
        Assert.Null(host.Channels.Find(broken.Id)!.Incomplete);
        Assert.Empty(fake.UnmatchedRequests);
    }

    [Fact]
    public async Task A_refresh_that_meets_a_page_behind_its_start_stops_and_reports_it()
    {
        var sample = new SampleGuild(fake);
        fake.Map();
        using var host = Host();
        await host.Poller.PollAsync(Token);
        var answered = 0;
        var stale = sample.General.Messages.Values.First();
        sample.General.MessagesAnswer = _ => ++answered > 3
            ? GuildFake.Json(500, Payloads.Error(0, "looping"))
            : GuildFake.Ok(new System.Text.Json.Nodes.JsonArray([.. Enumerable.Repeat(0, 100).Select(_ => (System.Text.Json.Nodes.JsonNode)Payloads.Message(stale))]));

        var summary = await host.Get<PeriodRefresh>().RefreshAsync(stale.Timestamp.AddMinutes(1), fake.Now.AddHours(1), Token);

        Assert.Equal(1, answered);
        Assert.Contains("none of which is after message", summary.Error, StringComparison.Ordinal);
        Assert.NotNull(host.Messages.Find(stale.Id));
    }

    [Fact]
    public async Task Excluded_channels_and_their_threads_are_never_requested()
    {
        var sample = new SampleGuild(fake);
        var offTopic = fake.AddChannel("hors-sujet");
        fake.AddMessages(offTopic, 30, fake.Now.AddHours(-1), sample.Camille);
        var offTopicThread = fake.AddThread(offTopic, "fil hors-sujet", sample.Jules, fake.Now.AddMinutes(-50));
        fake.AddMessages(offTopicThread, 10, fake.Now.AddMinutes(-50), sample.Jules);
        var hiddenCategory = fake.AddChannel("Archives", type: 4);
        var underIt = fake.AddChannel("vieux", category: hiddenCategory);
        fake.AddMessages(underIt, 3, fake.Now.AddHours(-1), sample.Plain);
        offTopic.NeverRequested = offTopicThread.NeverRequested = underIt.NeverRequested = true;
        fake.Map();
        using var host = Host();
        host.Lists.SetExcluded(offTopic.Id, "hors-sujet", excluded: true, new Actor(null, "test"));
        host.Lists.SetExcluded(hiddenCategory.Id, "Archives", excluded: true, new Actor(null, "test"));

        await host.Poller.PollAsync(Token);
        fake.AddMessages(offTopic, 1, fake.Now, sample.Camille);
        await host.Poller.PollAsync(Token);

        Assert.Empty(fake.RequestsTo($"/channels/{offTopic.Id}"));
        Assert.Empty(fake.RequestsTo($"/channels/{offTopicThread.Id}"));
        Assert.Empty(fake.RequestsTo($"/channels/{underIt.Id}"));
        Assert.Empty(fake.UnmatchedRequests);
        Assert.DoesNotContain(host.Messages.InPeriod(fake.Now.AddDays(-2), fake.Now.AddDays(1)), m => m.ChannelId == offTopic.Id || m.ChannelId == offTopicThread.Id);
    }

    [Fact]
    public async Task Threads_and_forum_posts_are_found_active_and_archived_since_the_last_poll()
    {
        var sample = new SampleGuild(fake);
        var oldThread = fake.AddThread(sample.Announcements, "archivé hier", sample.Jules, fake.Now.AddHours(-5));
        fake.AddMessages(oldThread, 3, fake.Now.AddHours(-5), sample.Jules);
        oldThread.ArchivedAt = fake.Now.AddHours(-4);
        fake.Map();
        using var host = Host();

        await host.Poller.PollAsync(Token);

        Assert.Equal(fake.AllMessages.Select(m => m.Id).Order(), StoredIds(host));
        var post = host.Channels.Find(sample.Post.Id)!;
        Assert.Equal((11, sample.Forum.Id, false), (post.Type, post.ParentId, post.Archived));
        Assert.True(host.Channels.Find(oldThread.Id)!.Archived);

        // Between two polls: a thread opened and archived at once, and a forum post that got replies then was archived.
        var now = TimeProvider.System.GetUtcNow();
        fake.Add(new FakeMessage(fake.Snowflake(now), sample.General.Id, sample.Camille, "", now) { Type = 18 });
        var quick = fake.AddThread(sample.General, "vite archivé", sample.Camille, now);
        fake.AddMessages(quick, 3, now, sample.Camille);
        quick.ArchivedAt = now.AddSeconds(5);
        fake.AddMessages(sample.Post, 2, now, sample.Plain);
        sample.Post.ArchivedAt = now.AddSeconds(5);
        fake.Map();
        await host.Poller.PollAsync(Token);

        Assert.Equal(fake.AllMessages.Select(m => m.Id).Order(), StoredIds(host));
        Assert.Equal((true, sample.General.Id), (host.Channels.Find(quick.Id)!.Archived, host.Channels.Find(quick.Id)!.ParentId));
        Assert.True(host.Channels.Find(sample.Post.Id)!.Archived);
        Assert.Empty(fake.UnmatchedRequests);
    }

    [Fact]
    public async Task The_first_poll_reads_from_the_start_of_the_previous_local_day()
    {
        var user = fake.AddUser("camille");
        var general = fake.AddChannel("général");
        fake.AddMessages(general, 5, fake.Now.AddDays(-3), user);
        var recent = fake.AddMessages(general, 5, fake.Now.AddMinutes(-30), user);
        fake.Map();
        using var host = Host();

        var summary = await host.Poller.PollAsync(Token);

        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        var expectedStart = Backfill.Start(summary.StartedAt, zone, 0);
        Assert.Equal(TimeSpan.Zero, TimeZoneInfo.ConvertTime(expectedStart, zone).TimeOfDay);
        Assert.Equal(Snowflake.FromTime(expectedStart) - 1, After(MessageRequests().First()));
        Assert.Equal(recent.Select(m => m.Id), StoredIds(host));
    }

    [Fact]
    public async Task On_a_server_where_everyone_sees_nothing_only_channels_opened_to_everyone_count_as_public()
    {
        var sample = new SampleGuild(fake);
        var members = fake.AddRole("membres");
        // @everyone sees nothing server-wide; members see #général through their role, and
        // #annonces is opened to @everyone explicitly.
        fake.EveryonePermissions = 0;
        sample.General.Overwrites.Add(new FakeOverwrite(members, Allow: CoalitionBot.Discord.Permissions.ViewChannel, Deny: 0));
        sample.Announcements.Overwrites.Add(new FakeOverwrite(fake.Guild, Allow: CoalitionBot.Discord.Permissions.ViewChannel, Deny: 0));
        fake.Map();
        using var host = Host();

        await host.Poller.PollAsync(Token);
        var second = await host.Poller.PollAsync(Token);

        Assert.False(host.Channels.Find(sample.General.Id)!.AudienceCanView);
        Assert.False(host.Channels.Find(sample.Thread.Id)!.AudienceCanView);
        Assert.True(host.Channels.Find(sample.Announcements.Id)!.AudienceCanView);
        Assert.Single(fake.GuildRequests);
        Assert.Equal(2, second.Requests);
    }

    [Fact]
    public async Task Messages_are_stored_with_display_names_mentions_replies_reactions_and_attachments()
    {
        var sample = new SampleGuild(fake);
        var members = fake.AddChannel("membres");
        members.Overwrites.Add(new FakeOverwrite(fake.Guild, Allow: 0, Deny: CoalitionBot.Discord.Permissions.ViewChannel));
        fake.Map();
        using var host = Host();

        await host.Poller.PollAsync(Token);

        var rich = host.Messages.Find(sample.Rich.Id)!;
        Assert.Equal("Jules", rich.AuthorName);
        Assert.Equal(["Cam (bureau)"], rich.MentionedUsers.Select(m => m.Name));
        Assert.Equal(["helpers"], rich.MentionedRoles.Select(m => m.Name));
        Assert.Equal(["annonces"], rich.MentionedChannels.Select(m => m.Name));
        Assert.Equal(sample.General.Messages.Keys.Min(), rich.ReplyToMessageId);
        Assert.Equal(new StoredReaction("👍", null, 3), Assert.Single(rich.Reactions));
        Assert.Equal(("ordre-du-jour.pdf", 48213L, "application/pdf"), (rich.Attachments[0].FileName, rich.Attachments[0].Size, rich.Attachments[0].ContentType));
        Assert.Equal(new StoredEmbed("Agenda", "https://example.org/agenda"), Assert.Single(rich.Embeds));
        Assert.NotNull(rich.EditedAt);
        Assert.Equal(19, rich.Type);
        var names = host.Messages.InChannel(sample.General.Id, fake.Now.AddDays(-1), fake.Now.AddDays(1)).Take(3).Select(m => m.AuthorName);
        Assert.Equal(["Cam (bureau)", "Jules", "plainuser"], names);
        var webhook = host.Messages.Find(sample.Webhook.Id)!;
        Assert.Equal(("Agenda Feed", true), (webhook.AuthorName, webhook.AuthorIsBot));
        Assert.False(host.Channels.Find(members.Id)!.AudienceCanView);
        Assert.True(host.Channels.Find(sample.General.Id)!.AudienceCanView);
        Assert.Equal(sample.Category.Id, host.Channels.Find(sample.General.Id)!.ParentId);
        Assert.Single(fake.RequestsTo($"/guilds/{fake.Guild}/members/{sample.Camille.Id}"));
    }

    [Fact]
    public async Task The_servers_name_is_read_with_its_roles_and_kept_across_a_restart()
    {
        _ = new SampleGuild(fake);
        fake.Map();
        var firstName = fake.Name;
        using (var host = Host())
        {
            Assert.Null(host.Cursors.ServerName);
            await host.Poller.PollAsync(Token);
            await host.Poller.PollAsync(Token);

            Assert.Equal(firstName, host.Cursors.ServerName);
            Assert.Single(fake.GuildRequests);
        }

        fake.Name = "Coalition renommée";
        using var restarted = Host();
        Assert.Equal(firstName, restarted.Cursors.ServerName);
        await restarted.Poller.PollAsync(Token);
        Assert.Equal("Coalition renommée", restarted.Cursors.ServerName);
    }

    [Fact]
    public async Task A_rejected_token_is_tried_again_after_five_minutes_then_hourly_and_polling_resumes_when_it_works()
    {
        _ = new SampleGuild(fake);
        fake.Map();
        fake.Outage = 401;
        var clock = new FakeTimeProvider(fake.Now);
        var logs = new LogCollector();
        using var host = IngestionFixtures.Host(data.Path, fake.BaseUrl, guildId: fake.Guild, configureServices: services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddLogging(logging => logging.AddProvider(logs));
        });
        var asked = new List<int>();
        async Task<PollSummary> PollAfterAsync(TimeSpan wait)
        {
            clock.Advance(wait);
            var before = fake.Requests.Count;
            var summary = await host.Poller.PollAsync(Token);
            asked.Add(fake.Requests.Count - before);
            return summary;
        }

        var rejected = await PollAfterAsync(TimeSpan.Zero);
        await PollAfterAsync(TimeSpan.FromMinutes(4));
        var probe = await PollAfterAsync(TimeSpan.FromMinutes(1));
        await PollAfterAsync(TimeSpan.FromMinutes(30));
        await PollAfterAsync(TimeSpan.FromMinutes(29));
        fake.Outage = null;
        var resumed = await PollAfterAsync(TimeSpan.FromMinutes(1));

        Assert.Equal([1, 0, 1, 0, 0], asked[..5]);
        Assert.Equal((PollOutcomes.Stopped, PollOutcomes.Stopped, PollOutcomes.Completed), (rejected.Outcome, probe.Outcome, resumed.Outcome));
        Assert.Equal(fake.AllMessages.Select(m => m.Id).Order(), StoredIds(host));
        Assert.False(host.Get<PollStatus>().TokenRejected);
        Assert.Collection(
            logs.Lines.Where(l => l.Category == typeof(Poller).FullName && l.Message.Contains("bot token", StringComparison.Ordinal)),
            l => Assert.Equal((LogLevel.Error, true), (l.Level, l.Message.StartsWith("Discord rejected the bot token (401): polling pauses", StringComparison.Ordinal))),
            l => Assert.Equal((LogLevel.Warning, true), (l.Level, l.Message.StartsWith("Discord still rejects the bot token (401); next try at", StringComparison.Ordinal))),
            l => Assert.Equal((LogLevel.Information, "Discord accepts the bot token again: polling resumes"), (l.Level, l.Message)));
        Assert.Empty(fake.UnmatchedRequests);
    }

    [Fact]
    public async Task Discord_unreachable_gives_one_warning_line_and_no_error_from_the_retries()
    {
        var logs = new LogCollector();
        string closedPort;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
        }

        using var host = IngestionFixtures.Host(data.Path, $"http://127.0.0.1:{closedPort}/api/v10", guildId: fake.Guild,
            configureServices: services => services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug)));

        var summary = await host.Poller.PollAsync(Token);

        Assert.Equal(PollOutcomes.Failed, summary.Outcome);
        var problems = logs.Lines.Where(l => l.Level >= LogLevel.Warning).ToList();
        var line = Assert.Single(problems);
        Assert.Equal(typeof(Poller).FullName, line.Category);
        Assert.StartsWith("Poll failed", line.Message, StringComparison.Ordinal);
        Assert.Null(line.Exception);
        // The attempts are still there for whoever turns the Polly category up to Debug.
        Assert.Contains(logs.Lines, l => l.Category == "Polly" && l.Message.Contains("Execution attempt", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        fake.Dispose();
        data.Dispose();
    }

    private TestApp Host() => IngestionFixtures.Host(data.Path, fake.BaseUrl, guildId: fake.Guild);

    private static List<ulong> StoredIds(TestApp host) =>
        [.. host.Get<Database>().Collection<StoredMessage>(MessageStore.CollectionName).FindAll().Select(m => m.Id).Order()];

    private IEnumerable<ILogEntry> MessageRequests() =>
        fake.RequestsTo("/channels/").Where(r => r.RequestMessage.Path.EndsWith("/messages", StringComparison.Ordinal));

    private static ulong After(ILogEntry request) =>
        ulong.Parse(request.RequestMessage.Query!["after"].Single(), CultureInfo.InvariantCulture);
}
