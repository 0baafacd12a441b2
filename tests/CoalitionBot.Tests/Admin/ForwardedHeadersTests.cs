using System.Net;
using System.Net.Http.Headers;
using CoalitionBot.Admin;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Admin;

/// X-Forwarded-For and -Proto are believed only from Admin:TrustedProxies (Caddy), so a sender
/// that reaches the bot directly cannot pick its own address to escape the sign-in lockout. These
/// tests run on a real socket: the in-memory server has no client address at all.
public sealed class ForwardedHeadersTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null)]
    [InlineData("10.0.0.0/8, 172.30.0.10, fd00::/8")]
    public async Task A_sender_that_is_not_a_trusted_proxy_cannot_escape_the_lockout_by_changing_X_Forwarded_For(string? proxies)
    {
        var settings = AdminApiTests.Enabled();
        settings["Admin:TrustedProxies"] = proxies;
        // What the compose file set until now (ASPNETCORE_FORWARDEDHEADERS_ENABLED): it must not trust everyone.
        settings["FORWARDEDHEADERS_ENABLED"] = "true";
        await using var app = new TestApp(settings, kestrel: true);
        for (var i = 0; i < FailedAttempts.PermitsPerWindow; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(app, "guess-" + i, $"203.0.113.{i + 1}"));
        }

        var afterLockout = await StatusAsync(app, AdminApiTests.AdminToken, "203.0.113.200");

        Assert.Equal(HttpStatusCode.TooManyRequests, afterLockout);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.0/8, 127.0.0.0/8, ::1")]
    public async Task A_trusted_proxy_s_X_Forwarded_For_is_the_client_address_for_the_lockout(string proxies)
    {
        var settings = AdminApiTests.Enabled();
        settings["Admin:TrustedProxies"] = proxies;
        await using var app = new TestApp(settings, kestrel: true);
        for (var i = 0; i < FailedAttempts.PermitsPerWindow; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(app, "guess-" + i, "198.51.100.7"));
        }

        var sameClient = await StatusAsync(app, AdminApiTests.AdminToken, "198.51.100.7");
        var otherClient = await StatusAsync(app, AdminApiTests.AdminToken, "198.51.100.8");
        var proxyItself = await StatusAsync(app, AdminApiTests.AdminToken, forwardedFor: null);

        Assert.Equal(HttpStatusCode.TooManyRequests, sameClient);
        Assert.Equal(HttpStatusCode.OK, otherClient);
        Assert.Equal(HttpStatusCode.OK, proxyItself);
    }

    [Fact]
    public async Task Only_the_hop_the_trusted_proxy_adds_is_believed_even_with_the_framework_switch_on()
    {
        var settings = AdminApiTests.Enabled();
        settings["Admin:TrustedProxies"] = "127.0.0.1";
        settings["FORWARDEDHEADERS_ENABLED"] = "true";
        await using var app = new TestApp(settings, kestrel: true);
        // The client claims to be someone else each time; Caddy appends the address it saw (here, loopback).
        for (var i = 0; i < FailedAttempts.PermitsPerWindow; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(app, "guess-" + i, $"192.0.2.{i + 1}, 127.0.0.1"));
        }

        var afterLockout = await StatusAsync(app, AdminApiTests.AdminToken, "192.0.2.200, 127.0.0.1");

        Assert.Equal(HttpStatusCode.TooManyRequests, afterLockout);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("127.0.0.1", true)]
    public async Task X_Forwarded_Proto_makes_the_cookies_secure_only_from_a_trusted_proxy(string? proxies, bool secure)
    {
        var settings = AdminApiTests.Enabled();
        settings["Admin:TrustedProxies"] = proxies;
        settings["FORWARDEDHEADERS_ENABLED"] = "true";
        await using var app = new TestApp(settings, kestrel: true);
        using var client = new HttpClient { BaseAddress = app.Client.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request, Token);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("coalitionbot_antiforgery=", StringComparison.Ordinal));
        Assert.Equal(secure, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<HttpStatusCode> StatusAsync(TestApp app, string token, string? forwardedFor)
    {
        using var client = new HttpClient { BaseAddress = app.Client.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/api/status");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await client.SendAsync(request, Token);
        return response.StatusCode;
    }
}
