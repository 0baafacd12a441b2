using System.Net;
using System.Text.Json.Nodes;
using CoalitionBot.Discord;
using CoalitionBot.Discord.RateLimits;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CoalitionBot.Tests.Discord;

/// The typed client against a WireMock Discord: rate limits and transient failures. Waits are
/// checked on the times WireMock recorded the requests, never by timing the test.
public sealed class RateLimitTests : IDisposable
{
    private readonly GuildFake fake = new();
    private readonly TempDirectory data = new();

    [Fact]
    public async Task A_429_is_waited_out_for_retry_after_before_the_request_is_sent_again()
    {
        var calls = 0;
        fake.Bot($"/guilds/{fake.Guild}/channels", _ => ++calls == 1
            ? GuildFake.Json(429, new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = 0.35, ["global"] = false },
                ("Retry-After", "1"), ("X-RateLimit-Limit", "5"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "0.350"), ("X-RateLimit-Scope", "user"))
            : GuildFake.Ok(new JsonArray()));
        using var host = Host();

        var channels = await host.DiscordClient.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken);

        Assert.Empty(channels);
        var requests = fake.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].RequestMessage.DateTime - requests[0].RequestMessage.DateTime >= TimeSpan.FromMilliseconds(350),
            $"sent again after {(requests[1].RequestMessage.DateTime - requests[0].RequestMessage.DateTime).TotalMilliseconds} ms");
        Assert.Empty(fake.UnmatchedRequests);
    }

    [Fact]
    public async Task A_global_429_without_a_body_falls_back_to_the_retry_after_header()
    {
        var calls = 0;
        fake.Bot($"/guilds/{fake.Guild}", _ =>
        {
            if (++calls > 1)
            {
                return GuildFake.Ok(Payloads.Guild(fake.Guild, fake.Name, []));
            }

            var response = GuildFake.Json(429, new JsonObject(), ("Retry-After", "1"), ("X-RateLimit-Global", "true"), ("X-RateLimit-Scope", "global"));
            response.BodyData!.BodyAsString = "";
            return response;
        });
        using var host = Host();

        await host.DiscordClient.GetGuildAsync(fake.Guild, TestContext.Current.CancellationToken);

        var requests = fake.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].RequestMessage.DateTime - requests[0].RequestMessage.DateTime >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_500_is_retried_and_the_next_success_returned()
    {
        var calls = 0;
        fake.Bot($"/guilds/{fake.Guild}/channels", _ => ++calls == 1
            ? GuildFake.Json(500, new JsonObject { ["message"] = "500: Internal Server Error", ["code"] = 0 })
            : GuildFake.Ok(new JsonArray(Payloads.Channel(new FakeChannel(42, 0, "général", null, 0), fake.Guild))));
        using var host = Host();

        var channels = await host.DiscordClient.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken);

        Assert.Equal("général", Assert.Single(channels).Name);
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task A_429_on_a_shared_resource_does_not_count_against_the_refusal_budget()
    {
        var calls = 0;
        fake.Bot($"/guilds/{fake.Guild}/channels", _ => ++calls == 1
            ? GuildFake.Json(429, new JsonObject { ["message"] = "The resource is being rate limited.", ["retry_after"] = 0.05, ["global"] = false }, ("X-RateLimit-Scope", "shared"))
            : GuildFake.Ok(new JsonArray()));
        fake.Bot($"/guilds/{fake.Guild}", _ => GuildFake.Ok(Payloads.Guild(fake.Guild, fake.Name, [])));
        using var host = Host(invalidRequestBudget: 1);

        await host.DiscordClient.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken);
        var guild = await host.DiscordClient.GetGuildAsync(fake.Guild, TestContext.Current.CancellationToken);

        Assert.Empty(guild.Roles);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task A_request_that_times_out_is_sent_again()
    {
        var calls = 0;
        fake.Server.Given(Request.Create().WithPath($"{GuildFake.ApiPath}/guilds/{fake.Guild}/channels").UsingGet())
            .RespondWith(Response.Create().WithCallback(async _ =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    // Discord hangs on the first attempt; the attempt times out long before this ends.
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }

                return (WireMock.IResponseMessage)GuildFake.Ok(new System.Text.Json.Nodes.JsonArray());
            }));
        using var host = IngestionFixtures.Host(data.Path, fake.BaseUrl, guildId: fake.Guild, configureServices: services =>
            services.PostConfigureAll<HttpStandardResilienceOptions>(options => options.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(300)));

        var channels = await host.DiscordClient.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken);

        Assert.Empty(channels);
        // Counted on arrival: WireMock logs the abandoned first request only when its answer is done.
        // (At least two: on a loaded machine the quick answer may itself miss the short attempt timeout.)
        Assert.True(Volatile.Read(ref calls) >= 2);
    }

    [Fact]
    public async Task Discord_never_answering_surfaces_as_an_http_request_exception()
    {
        fake.Server.Given(Request.Create().WithPath($"{GuildFake.ApiPath}/guilds/{fake.Guild}/channels").UsingGet())
            .RespondWith(Response.Create().WithDelay(TimeSpan.FromSeconds(1)).WithHeader("Content-Type", "application/json").WithBody("[]"));
        using var host = IngestionFixtures.Host(data.Path, fake.BaseUrl, guildId: fake.Guild, configureServices: services =>
            services.PostConfigureAll<HttpStandardResilienceOptions>(options => options.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(200)));

        // What callers already handle as "Discord is unreachable", not the resilience library's own type.
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => host.DiscordClient.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken));

        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(failure.InnerException);
    }

    [Fact]
    public async Task A_bucket_at_remaining_0_waits_for_reset_after()
    {
        fake.Bot($"/guilds/{fake.Guild}/channels", _ => GuildFake.Json(200, new JsonArray(),
            ("X-RateLimit-Limit", "2"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "0.400"), ("X-RateLimit-Bucket", "abcd1234")));
        using var host = Host();

        await host.DiscordClient.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken);
        await host.DiscordClient.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken);

        var requests = fake.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].RequestMessage.DateTime - requests[0].RequestMessage.DateTime >= TimeSpan.FromMilliseconds(400),
            $"sent again after {(requests[1].RequestMessage.DateTime - requests[0].RequestMessage.DateTime).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_storm_of_refusals_stops_sending_instead_of_looping()
    {
        fake.Bot("/channels/77/messages", _ => GuildFake.Json(403, Payloads.Error(50001, "Missing Access")));
        using var host = Host(invalidRequestBudget: 3);

        for (var i = 0; i < 3; i++)
        {
            var refused = await Assert.ThrowsAsync<DiscordApiException>(() => host.DiscordClient.GetChannelMessagesAsync(77, 0, null, 100, TestContext.Current.CancellationToken));
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        }

        await Assert.ThrowsAsync<InvalidRequestBudgetException>(() => host.DiscordClient.GetChannelMessagesAsync(77, 0, null, 100, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<InvalidRequestBudgetException>(() => host.DiscordClient.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken));
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task Requests_carry_the_bot_token_and_discords_user_agent()
    {
        fake.Bot($"/guilds/{fake.Guild}/channels", _ => GuildFake.Ok(new JsonArray()));
        using var host = Host();

        await host.DiscordClient.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken);

        var request = Assert.Single(fake.Requests).RequestMessage;
        Assert.Equal("Bot " + GuildFake.Token, request.Headers!["Authorization"].Single());
        Assert.StartsWith("DiscordBot (", request.Headers["User-Agent"].Single(), StringComparison.Ordinal);
    }

    /// What Discord (or a proxy in front of it) may put in the reset headers of an answer whose bucket is empty.
    public static TheoryData<string, string, string> AbsurdResets => new()
    {
        { "X-RateLimit-Reset-After", "1e300", "cut" },
        { "X-RateLimit-Reset-After", "Infinity", "cut" },
        { "X-RateLimit-Reset-After", "99999999999999", "cut" },
        { "X-RateLimit-Reset-After", "-5", "ignored" },
        { "X-RateLimit-Reset-After", "NaN", "ignored" },
        { "X-RateLimit-Reset-After", "soon", "ignored" },
        { "X-RateLimit-Reset", "1e300", "cut" },
        { "X-RateLimit-Reset", "Infinity", "cut" },
        { "X-RateLimit-Reset", "-Infinity", "none" },
        { "X-RateLimit-Reset", "-5", "none" },
        { "X-RateLimit-Reset", "NaN", "ignored" },
        { "X-RateLimit-Reset", "tomorrow", "ignored" },
    };

    [Theory]
    [MemberData(nameof(AbsurdResets))]
    public async Task An_absurd_reset_header_is_cut_to_the_longest_wait_or_ignored_and_logged(string header, string value, string expected)
    {
        fake.Bot($"/guilds/{fake.Guild}/channels", _ => GuildFake.Json(200, new JsonArray(),
            ("X-RateLimit-Limit", "5"), ("X-RateLimit-Remaining", "0"), (header, value), ("X-RateLimit-Bucket", "absurd")));
        var logs = new LogCollector();
        using var host = Host(logs);

        var channels = await host.DiscordClient.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken);

        Assert.Empty(channels);
        var wait = Bucket(host, $"guilds/{fake.Guild}/channels").WaitTime(TimeProvider.System.GetUtcNow());
        var warnings = logs.Lines.Where(l => l.Level == LogLevel.Warning && l.Category == typeof(RateLimitHandler).FullName).Select(l => l.Message).ToList();
        switch (expected)
        {
            case "cut":
                var warning = Assert.Single(warnings);
                Assert.InRange(wait, RateLimitWait.MaxWait - TimeSpan.FromMinutes(1), RateLimitWait.MaxWait);
                Assert.Contains($"in {header}, longer than any we honour: waiting 3600 s instead", warning, StringComparison.Ordinal);
                // Not worth holding a poll for an hour: the next request is not sent at all.
                await Assert.ThrowsAsync<RateLimitedException>(() => host.DiscordClient.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken));
                break;
            case "ignored":
                Assert.Equal(TimeSpan.Zero, wait);
                Assert.Equal($"Discord sent {value} in {header}, which is not a wait: ignored", Assert.Single(warnings));
                break;
            default:
                // A reset time already past: the bucket is open again, nothing to say.
                Assert.Equal(TimeSpan.Zero, wait);
                Assert.Empty(warnings);
                break;
        }

        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task An_empty_bucket_without_reset_after_waits_until_x_ratelimit_reset()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var reset = (time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0) + 2.5;
        fake.Bot($"/guilds/{fake.Guild}/channels", _ => GuildFake.Json(200, new JsonArray(),
            ("X-RateLimit-Limit", "5"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", reset.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture))));
        using var host = IngestionFixtures.Host(data.Path, fake.BaseUrl, guildId: fake.Guild, configureServices: services =>
        {
            services.RemoveAll<RateLimitRegistry>();
            services.AddSingleton(new RateLimitRegistry(time));
        });

        await host.DiscordClient.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken);

        Assert.InRange(Bucket(host, $"guilds/{fake.Guild}/channels").WaitTime(time.GetUtcNow()), TimeSpan.FromSeconds(2.4), TimeSpan.FromSeconds(2.5));
    }

    /// A 429's wait comes from its body, then Retry-After, then the reset headers: each may be absurd.
    public static TheoryData<string, string[]> AbsurdRetryAfters => new()
    {
        { """{"message": "You are being rate limited.", "retry_after": 1e300, "global": false}""", [] },
        { """{"message": "You are being rate limited.", "retry_after": 1e400, "global": false}""", ["Retry-After", "99999999"] },
        { """{"message": "You are being rate limited.", "retry_after": 1e300, "global": true}""", ["X-RateLimit-Global", "true"] },
        { """{"message": "You are being rate limited.", "retry_after": -3, "global": false}""", ["X-RateLimit-Reset-After", "Infinity"] },
        { "", ["Retry-After", "2147483647"] },
        { "<html>429 Too Many Requests</html>", ["X-RateLimit-Reset", "1e300"] },
    };

    [Theory]
    [MemberData(nameof(AbsurdRetryAfters))]
    public async Task A_429_with_an_absurd_wait_goes_back_to_the_caller_with_the_wait_cut_and_logged(string body, string[] header)
    {
        fake.Bot($"/guilds/{fake.Guild}/channels", _ =>
        {
            var response = GuildFake.Json(429, new JsonObject(), header.Length == 0 ? [("X-RateLimit-Scope", "user")] : [("X-RateLimit-Scope", "user"), (header[0], header[1])]);
            response.BodyData!.BodyAsString = body;
            return response;
        });
        var logs = new LogCollector();
        using var host = Host(logs);

        var refused = await Assert.ThrowsAsync<DiscordApiException>(() => host.DiscordClient.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Single(fake.Requests);
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("longer than any we honour: waiting 3600 s instead", StringComparison.Ordinal));
        var registry = host.Get<RateLimitRegistry>();
        var wait = header is ["X-RateLimit-Global", _] ? registry.GlobalPauseLeft() : Bucket(host, $"guilds/{fake.Guild}/channels").WaitTime(TimeProvider.System.GetUtcNow());
        Assert.InRange(wait, RateLimitWait.MaxWait - TimeSpan.FromMinutes(1), RateLimitWait.MaxWait);
        await Assert.ThrowsAsync<RateLimitedException>(() => host.DiscordClient.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken));
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task A_server_error_with_an_absurd_retry_after_is_cut_and_surfaces_as_discord_not_answering()
    {
        fake.Bot($"/guilds/{fake.Guild}/channels", _ => GuildFake.Json(503, new JsonObject { ["message"] = "upstream connect error", ["code"] = 0 }, ("Retry-After", "2147483647")));
        var logs = new LogCollector();
        using var host = IngestionFixtures.Host(data.Path, fake.BaseUrl, guildId: fake.Guild, configureServices: services =>
        {
            services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
            // Long enough for the first request of a cold process to come back before the timeout.
            services.PostConfigureAll<HttpStandardResilienceOptions>(options =>
            {
                options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(2);
                options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(3);
            });
        });

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => host.DiscordClient.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken));

        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(failure.InnerException);
        Assert.Single(fake.Requests);
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Warning && l.Message == "Discord asked for a wait of 2147483647 in Retry-After, longer than any we honour: waiting 3600 s instead");
    }

    [Theory]
    [InlineData("GET", "/api/v10/channels/123/messages?after=5", "GET/api/v10/channels/{id}/messages", "123", false)]
    [InlineData("GET", "/api/v10/guilds/9/members/44", "GET/api/v10/guilds/{id}/members/{id}", "9", false)]
    [InlineData("PATCH", "/api/v10/webhooks/1/tok.en/messages/@original", "PATCH/api/v10/webhooks/{id}/{token}/messages/@original", "1/tok.en", true)]
    [InlineData("PUT", "/api/v10/applications/1/guilds/2/commands", "PUT/api/v10/applications/{id}/guilds/{id}/commands", "2", false)]
    public void Route_keys_keep_the_top_level_resource_apart(string method, string path, string route, string major, bool interaction)
    {
        var key = RouteKey.From(new HttpMethod(method), new Uri("https://discord.com" + path));

        Assert.Equal(route, key.Route);
        Assert.Equal(major, key.MajorParameter);
        Assert.Equal(interaction, key.IsInteraction);
    }

    public void Dispose()
    {
        fake.Dispose();
        data.Dispose();
    }

    private TestApp Host(int? invalidRequestBudget = null) =>
        IngestionFixtures.Host(data.Path, fake.BaseUrl, guildId: fake.Guild, invalidRequestBudget: invalidRequestBudget);

    private TestApp Host(LogCollector logs) =>
        IngestionFixtures.Host(data.Path, fake.BaseUrl, guildId: fake.Guild, configureServices: services => services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug)));

    private RateLimitBucket Bucket(TestApp host, string path) =>
        host.Get<RateLimitRegistry>().BucketFor(RouteKey.From(HttpMethod.Get, new Uri(fake.BaseUrl + "/" + path)));
}
