using System.Net;
using System.Text.Json.Nodes;
using CoalitionBot.Discord;
using CoalitionBot.Discord.RateLimits;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
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

        var channels = await host.Client.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken);

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
                return GuildFake.Ok(DiscordPayloads.Guild(fake.Guild, fake.Name, []));
            }

            var response = GuildFake.Json(429, new JsonObject(), ("Retry-After", "1"), ("X-RateLimit-Global", "true"), ("X-RateLimit-Scope", "global"));
            response.BodyData!.BodyAsString = "";
            return response;
        });
        using var host = Host();

        await host.Client.GetGuildAsync(fake.Guild, TestContext.Current.CancellationToken);

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
            : GuildFake.Ok(new JsonArray(DiscordPayloads.Channel(new FakeChannel(42, 0, "général", null, 0), fake.Guild))));
        using var host = Host();

        var channels = await host.Client.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken);

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
        fake.Bot($"/guilds/{fake.Guild}", _ => GuildFake.Ok(DiscordPayloads.Guild(fake.Guild, fake.Name, [])));
        using var host = Host(invalidRequestBudget: 1);

        await host.Client.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken);
        var guild = await host.Client.GetGuildAsync(fake.Guild, TestContext.Current.CancellationToken);

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
        using var host = new IngestionHost(data.Path, fake.BaseUrl, guildId: fake.Guild, configureServices: services =>
            services.PostConfigureAll<HttpStandardResilienceOptions>(options => options.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(300)));

        var channels = await host.Client.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken);

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
        using var host = new IngestionHost(data.Path, fake.BaseUrl, guildId: fake.Guild, configureServices: services =>
            services.PostConfigureAll<HttpStandardResilienceOptions>(options => options.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(200)));

        // What callers already handle as "Discord is unreachable", not the resilience library's own type.
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => host.Client.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken));

        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(failure.InnerException);
    }

    [Fact]
    public async Task A_bucket_at_remaining_0_waits_for_reset_after()
    {
        fake.Bot($"/guilds/{fake.Guild}/channels", _ => GuildFake.Json(200, new JsonArray(),
            ("X-RateLimit-Limit", "2"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "0.400"), ("X-RateLimit-Bucket", "abcd1234")));
        using var host = Host();

        await host.Client.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken);
        await host.Client.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken);

        var requests = fake.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].RequestMessage.DateTime - requests[0].RequestMessage.DateTime >= TimeSpan.FromMilliseconds(400),
            $"sent again after {(requests[1].RequestMessage.DateTime - requests[0].RequestMessage.DateTime).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_storm_of_refusals_stops_sending_instead_of_looping()
    {
        fake.Bot("/channels/77/messages", _ => GuildFake.Json(403, DiscordPayloads.Error(50001, "Missing Access")));
        using var host = Host(invalidRequestBudget: 3);

        for (var i = 0; i < 3; i++)
        {
            var refused = await Assert.ThrowsAsync<DiscordApiException>(() => host.Client.GetChannelMessagesAsync(77, 0, null, 100, TestContext.Current.CancellationToken));
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        }

        await Assert.ThrowsAsync<InvalidRequestBudgetException>(() => host.Client.GetChannelMessagesAsync(77, 0, null, 100, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<InvalidRequestBudgetException>(() => host.Client.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken));
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task Requests_carry_the_bot_token_and_discords_user_agent()
    {
        fake.Bot($"/guilds/{fake.Guild}/channels", _ => GuildFake.Ok(new JsonArray()));
        using var host = Host();

        await host.Client.GetGuildChannelsAsync(fake.Guild, TestContext.Current.CancellationToken);

        var request = Assert.Single(fake.Requests).RequestMessage;
        Assert.Equal("Bot " + GuildFake.Token, request.Headers!["Authorization"].Single());
        Assert.StartsWith("DiscordBot (", request.Headers["User-Agent"].Single(), StringComparison.Ordinal);
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

    private IngestionHost Host(int? invalidRequestBudget = null) =>
        new(data.Path, fake.BaseUrl, guildId: fake.Guild, invalidRequestBudget: invalidRequestBudget);
}
