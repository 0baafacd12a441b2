using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Ingestion;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using WireMock.RequestBuilders;

namespace CoalitionBot.Tests.Ingestion;

/// POST /admin/api/poll and the "polling" entry of /healthz, through the whole application.
public sealed class IngestionEndpointTests : IDisposable
{
    private const string AdminToken = "admin-token-for-tests-0123456789";

    private readonly GuildFake fake = new();
    private readonly TempDirectory data = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_admin_poll_runs_a_poll_and_answers_with_what_it_did()
    {
        _ = new SampleGuild(fake);
        fake.Map();
        await using var app = App(GuildFake.Token);
        var client = AdminClient(app);

        using var response = await client.PostAsync("/admin/api/poll", null, Token);
        var summary = await response.Content.ReadFromJsonAsync<JsonObject>(Token);
        using var health = await client.GetAsync("/healthz", Token);
        var body = await health.Content.ReadFromJsonAsync<JsonObject>(Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("completed", (string?)summary!["outcome"]);
        Assert.Equal(fake.AllMessages.Count(), (int?)summary["messagesStored"]);
        Assert.Equal(fake.Requests.Count, (int?)summary["requests"]);
        Assert.True((int?)summary["channelsRead"] > 0);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("healthy", (string?)body!["checks"]!["polling"]!["status"]);
        Assert.NotNull((string?)body["checks"]!["polling"]!["lastPoll"]);
        Assert.Empty(fake.UnmatchedRequests);
    }

    [Fact]
    public async Task A_poll_pushes_to_uptime_kuma_and_shows_in_the_admin_status()
    {
        _ = new SampleGuild(fake);
        fake.Map();
        fake.Answer(Request.Create().WithPath("/api/push/kuma").UsingGet(), _ => GuildFake.Ok(new JsonObject { ["ok"] = true }));
        await using var app = App(GuildFake.Token, new() { ["Monitoring:PushUrl"] = fake.Server.Url + "/api/push/kuma?status=up&msg=OK&ping=" });
        var client = AdminClient(app);

        using var poll = await client.PostAsync("/admin/api/poll", null, Token);
        var status = await client.GetFromJsonAsync<JsonObject>("/admin/api/status", Token);

        var push = Assert.Single(fake.Requests, r => r.RequestMessage.Path == "/api/push/kuma").RequestMessage;
        Assert.Equal($"poll: {fake.AllMessages.Count()} messages", push.Query!["msg"].Single());
        var polling = status!["sections"]!["polling"]!;
        Assert.NotNull((string?)polling["lastPoll"]);
        var general = polling["channels"]!.AsArray().Single(c => (string?)c!["name"] == "général")!;
        Assert.NotNull((string?)general["readUpTo"]);
        Assert.Empty(fake.UnmatchedRequests);
    }

    [Fact]
    public async Task The_admin_poll_needs_the_admin_token()
    {
        fake.Map();
        await using var app = App(GuildFake.Token);
        var client = app.Client;

        using var response = await client.PostAsync("/admin/api/poll", null, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task A_rejected_bot_token_answers_409_to_the_admin_poll_which_tries_it_again_at_once_and_shows_on_healthz()
    {
        fake.Answer(
            Request.Create().WithPath($"{GuildFake.ApiPath}/guilds/{fake.Guild}/channels").UsingGet().WithHeader("Authorization", "Bot revoked-token"),
            _ => GuildFake.Json(401, Payloads.Error(0, "401: Unauthorized")));
        await using var app = App("revoked-token");
        var client = AdminClient(app);

        using var first = await client.PostAsync("/admin/api/poll", null, Token);
        using var second = await client.PostAsync("/admin/api/poll", null, Token);
        using var health = await client.GetAsync("/healthz", Token);
        var text = await health.Content.ReadAsStringAsync(Token);
        var body = JsonNode.Parse(text)!;
        // /healthz is public and gives states only; the reason is in the admin status.
        var status = await client.GetFromJsonAsync<JsonObject>("/admin/api/status", Token);

        foreach (var answer in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
            var problem = (await answer.Content.ReadFromJsonAsync<JsonObject>(Token))!;
            Assert.StartsWith("Discord rejected the bot token (401); it is tried again at ", (string?)problem["detail"], StringComparison.Ordinal);
        }

        // The admin poll does not wait for the next probe: each one asks Discord once.
        Assert.Equal(2, fake.Requests.Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("unhealthy", (string?)body["checks"]!["polling"]!["status"]);
        Assert.Contains("rejected the bot token", (string?)status!["checks"]!["polling"], StringComparison.Ordinal);
        var errors = app.Logs.Lines.Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Error && l.Category.StartsWith("CoalitionBot", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 1, string.Join("\n", errors.Select(e => $"{e.Category}: {e.Message}")));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Message.Contains("revoked-token", StringComparison.Ordinal));
        Assert.DoesNotContain("revoked-token", text, StringComparison.Ordinal);
        Assert.Empty(fake.UnmatchedRequests);
    }

    [Fact]
    public async Task An_admin_poll_that_discord_fails_answers_502_with_the_reason()
    {
        _ = new SampleGuild(fake);
        fake.Map();
        fake.Outage = 503;
        await using var app = App(GuildFake.Token);
        var client = AdminClient(app);

        using var response = await client.PostAsync("/admin/api/poll", null, Token);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("503", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>(Token))!["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_bot_token_polling_is_off_and_healthz_says_so()
    {
        await using var app = App(token: "");
        var client = AdminClient(app);

        using var response = await client.PostAsync("/admin/api/poll", null, Token);
        using var health = await client.GetAsync("/healthz", Token);
        var body = await health.Content.ReadFromJsonAsync<JsonObject>(Token);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("off", (string?)body!["features"]!["polling"]);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task The_scheduler_holds_the_poll_job_only_when_polling_is_configured()
    {
        await using var configured = App(GuildFake.Token);
        await using var unconfigured = App(token: "");

        var withToken = await configured.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Token);
        var withoutToken = await unconfigured.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Token);

        Assert.NotNull(await withToken.GetTrigger(PollSchedule.TriggerKey, Token));
        Assert.NotNull(await withToken.GetJobDetail(RetentionJob.Key, Token));
        Assert.Null(await withoutToken.GetTrigger(PollSchedule.TriggerKey, Token));
        Assert.NotNull(await withoutToken.GetJobDetail(RetentionJob.Key, Token));
    }

    public void Dispose()
    {
        fake.Dispose();
        data.Dispose();
    }

    private TestApp App(string token, Dictionary<string, string?>? more = null) =>
        new(
            new Dictionary<string, string?>
            {
                ["Discord:BotToken"] = token,
                ["Discord:GuildId"] = fake.Guild.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Discord:ApiBaseUrl"] = fake.BaseUrl,
                ["Admin:Token"] = AdminToken,
            }.Concat(more ?? []).ToDictionary(),
            services =>
            {
                // The test drives polls itself; the scheduler is built but never started.
                services.Configure<QuartzHostedServiceOptions>(options => options.AutoStart = false);
                IngestionFixtures.ShortenRetryDelays(services);
            });

    private static HttpClient AdminClient(TestApp app)
    {
        app.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        return app.Client;
    }
}
