using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Tests.Admin;

public sealed class AdminApiTests
{
    public const string AdminToken = "a-long-enough-admin-token-for-tests";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/admin/api/status" },
        { "GET", "/admin/api/channels" },
        { "POST", "/admin/api/channels/1300000000000000201/exclude" },
        { "POST", "/admin/api/channels/1300000000000000201/include" },
        { "POST", "/admin/api/channels/1300000000000000201/important" },
        { "GET", "/admin/api/switches" },
        { "PUT", "/admin/api/switches" },
        { "GET", "/admin/api/logs" },
        { "POST", "/admin/api/poll" },
        { "GET", "/admin/api/digests" },
        { "GET", "/admin/api/digests/2026-11-23" },
        { "POST", "/admin/api/digests" },
    };

    internal static Dictionary<string, string?> Enabled(string? botToken = "") => new() { ["Admin:Token"] = AdminToken, ["Discord:BotToken"] = botToken };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_route_refuses_a_missing_or_wrong_token_with_401_and_no_detail(string method, string path)
    {
        await using var app = new TestApp(Enabled());

        using var missing = await app.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) }, Token);
        using var wrongRequest = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };
        wrongRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken + "x");
        using var wrong = await app.Client.SendAsync(wrongRequest, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("", await wrong.Content.ReadAsStringAsync(Token));
        Assert.Empty(app.Get<ChannelListStore>().All());
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Without_an_admin_token_configured_the_api_does_not_exist(string method, string path)
    {
        await using var app = new TestApp();
        using var request = Authorized(new HttpMethod(method), path);

        using var response = await app.Client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Repeated_wrong_tokens_are_slowed_down_with_429_even_for_the_right_one_afterwards()
    {
        await using var app = new TestApp(Enabled());
        for (var i = 0; i < 10; i++)
        {
            using var wrong = new HttpRequestMessage(HttpMethod.Get, "/admin/api/status");
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "guess-" + i);
            using var refused = await app.Client.SendAsync(wrong, Token);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var response = await app.Client.SendAsync(Authorized(HttpMethod.Get, "/admin/api/status"), Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    [Fact]
    public async Task Status_reports_version_health_features_and_switches()
    {
        await using var app = new TestApp(Enabled());

        var status = await GetJsonAsync(app, "/admin/api/status");

        Assert.Equal("0.1.0", (string)status["version"]!);
        Assert.Equal("healthy", (string)status["health"]!);
        Assert.StartsWith("healthy", (string)status["checks"]!["storage"]!, StringComparison.Ordinal);
        Assert.Contains(status["features"]!.AsArray(), f => (string)f!["name"]! == "polling" && !(bool)f["enabled"]!);
        Assert.True((bool)status["switches"]!["dailyMail"]!);
    }

    [Fact]
    public async Task Channels_can_be_excluded_included_and_marked_important()
    {
        await using var app = new TestApp(Enabled());
        const string Id = "1300000000000000201";

        var excluded = await PostJsonAsync(app, $"/admin/api/channels/{Id}/exclude", null);
        var important = await PostJsonAsync(app, $"/admin/api/channels/{Id}/important", null);
        var lists = app.Get<ChannelListStore>();
        var entry = lists.Find(1300000000000000201UL)!;
        var both = (entry.Excluded, entry.Important, entry.ChangedBy);
        var included = await PostJsonAsync(app, $"/admin/api/channels/{Id}/include", null);
        var unimportant = await PostJsonAsync(app, $"/admin/api/channels/{Id}/important", new JsonObject { ["important"] = false });
        var channels = await GetJsonAsync(app, "/admin/api/channels");

        Assert.True((bool)excluded["changed"]!);
        Assert.True((bool)important["changed"]!);
        Assert.Equal((true, true, "token"), both);
        Assert.True((bool)included["changed"]!);
        Assert.Equal("not important", (string)unimportant["state"]!);
        Assert.False(lists.IsExcluded(1300000000000000201UL));
        Assert.False((bool)channels["serverListAvailable"]!);
        Assert.Equal("monitored", (string)channels["channels"]![0]!["state"]!);
    }

    [Fact]
    public async Task Channel_lists_come_with_the_servers_channels_when_discord_answers()
    {
        await using var app = new TestApp(Enabled("test-bot-token"));
        app.Discord.StubGuildChannels([Payloads.GuildChannel("1300000000000000201", "general", 0, 0), Payloads.GuildChannel("1300000000000000202", "annonces", 5, 1)]);
        await PostJsonAsync(app, "/admin/api/channels/1300000000000000202/exclude", null);

        var channels = await GetJsonAsync(app, "/admin/api/channels");

        Assert.True((bool)channels["serverListAvailable"]!);
        Assert.Equal(["general:monitored", "annonces:excluded"], channels["channels"]!.AsArray().Select(c => $"{c!["name"]}:{c["state"]}"));
        app.Discord.AssertNoUnexpectedRequests();
    }

    [Fact]
    public async Task A_channel_id_that_is_not_a_snowflake_gets_400()
    {
        await using var app = new TestApp(Enabled());

        using var response = await app.Client.SendAsync(Authorized(HttpMethod.Post, "/admin/api/channels/general/exclude"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a Discord channel id", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switches_persist_across_a_restart()
    {
        await using var app = new TestApp(Enabled());

        using var put = Authorized(HttpMethod.Put, "/admin/api/switches");
        put.Content = JsonContent.Create(new { weeklySynthesis = true, dailyMail = false });
        using var response = await app.Client.SendAsync(put, Token);
        await app.RestartAsync();
        var switches = await GetJsonAsync(app, "/admin/api/switches");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((bool)switches["dailyMail"]!);
        Assert.True((bool)switches["weeklySynthesis"]!);
        Assert.True((bool)switches["summaries"]!);
    }

    [Fact]
    public async Task A_malformed_switches_body_gets_400_not_500()
    {
        await using var app = new TestApp(Enabled());
        using var put = Authorized(HttpMethod.Put, "/admin/api/switches");
        put.Content = new StringContent("{\"dailyMail\": \"yes please\"", System.Text.Encoding.UTF8, "application/json");

        using var response = await app.Client.SendAsync(put, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("dailyMail", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PUT", "/admin/api/switches")]
    [InlineData("POST", "/admin/api/channels/1300000000000000201/important")]
    public async Task A_malformed_body_without_the_token_gets_401_not_400(string method, string path)
    {
        await using var app = new TestApp(Enabled());
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent("{\"dailyMail\": \"yes please\"", System.Text.Encoding.UTF8, "application/json"),
        };

        using var response = await app.Client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_important_body_that_is_not_an_object_gets_400_with_an_example()
    {
        await using var app = new TestApp(Enabled());
        using var post = Authorized(HttpMethod.Post, "/admin/api/channels/1300000000000000201/important");
        post.Content = new StringContent("[true]", System.Text.Encoding.UTF8, "application/json");

        using var response = await app.Client.SendAsync(post, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!;
        Assert.Contains("{\"important\":false}", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_are_served_newest_first_with_secrets_redacted()
    {
        await using var app = new TestApp(Enabled("MTQx.the-bot-token-secret"));
        var logger = app.Get<ILoggerFactory>().CreateLogger("Test");
#pragma warning disable CA1848, CA2254 // A test writes a line that carries a secret on purpose.
        logger.LogWarning("token MTQx.the-bot-token-secret leaked into a message");
#pragma warning restore CA1848, CA2254

        var logs = await GetJsonAsync(app, "/admin/api/logs?count=5");

        var newest = (string)logs[0]!["message"]!;
        Assert.Equal("token [redacted] leaked into a message", newest);
        Assert.DoesNotContain("the-bot-token-secret", logs.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_api_is_described_by_openapi()
    {
        await using var app = new TestApp(Enabled());

        var document = JsonNode.Parse(await app.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Token))!;

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/admin/api/status", paths);
        Assert.Contains("/admin/api/channels/{id}/exclude", paths);
        Assert.Contains("/admin/api/switches", paths);
        Assert.DoesNotContain("/interactions", paths);
    }

    internal static HttpRequestMessage Authorized(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        if (method != HttpMethod.Get)
        {
            request.Content = JsonContent.Create(new { });
        }

        return request;
    }

    private static async Task<JsonNode> GetJsonAsync(TestApp app, string path)
    {
        using var response = await app.Client.SendAsync(Authorized(HttpMethod.Get, path), Token);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    private static async Task<JsonNode> PostJsonAsync(TestApp app, string path, JsonObject? body)
    {
        using var request = Authorized(HttpMethod.Post, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await app.Client.SendAsync(request, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
