using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Deployment;

/// <summary>
/// Discord → Caddy (the production Caddyfile, real binary, HTTPS) → the bot: signatures survive the
/// proxy byte for byte, /interactions and /healthz are public, and /admin goes to the bot's own
/// sign-in by default (ADMIN_MODE=signin), behind basic auth with basicauth, nowhere with off.
/// </summary>
[Trait("Category", "Process")]
public sealed class CaddyProxyTests(CaddyFixture stack) : IClassFixture<CaddyFixture>
{
    private const string Ping = """{"type":1,"id":"1","application_id":"2","token":"t","version":1}""";

    [Fact]
    public async Task A_signed_ping_through_Caddy_gets_a_pong()
    {
        using var request = SignedInteraction(Encoding.UTF8.GetBytes(Ping));

        using var response = await stack.AdminOff.Client.SendAsync(request, TestContext.Current.CancellationToken);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}\n{stack.AdminOff.Output}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(1, json.RootElement.GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task The_body_reaches_the_bot_byte_for_byte()
    {
        // Non-ASCII text, escapes, odd whitespace, CRLF and a trailing newline: any re-encoding,
        // normalisation or trimming on the way would break the signature.
        var body = Encoding.UTF8.GetBytes(
            "{ \"type\" : 1,\r\n\t\"id\":\"1\", \"application_id\":\"2\",\"token\":\"t\\u00e9\u00e9 \u2713 \U0001F600\",  \"version\":1 }\n");
        using var request = SignedInteraction(body);

        using var response = await stack.AdminOff.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_tampered_body_gets_401()
    {
        var signed = Encoding.UTF8.GetBytes(Ping);
        var tampered = Encoding.UTF8.GetBytes(Ping.Replace("\"token\":\"t\"", "\"token\":\"u\"", StringComparison.Ordinal));
        using var request = SignedInteraction(signed, sentBody: tampered);

        using var response = await stack.AdminOff.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Healthz_is_public_and_carries_the_security_headers()
    {
        using var response = await stack.AdminOff.Client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.StartsWith("max-age=", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https()
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri($"http://localhost:{stack.AdminOff.HttpPort}/healthz"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal(Uri.UriSchemeHttps, response.Headers.Location?.Scheme);
    }

    [Theory]
    [InlineData("GET", "/admin")]
    [InlineData("GET", "/admin/api/status")]
    [InlineData("POST", "/admin/api/poll")]
    [InlineData("GET", "/openapi/v1.json")]
    [InlineData("GET", "/interactions")]
    [InlineData("GET", "/")]
    [InlineData("GET", "/anything-else")]
    public async Task With_ADMIN_MODE_off_only_interactions_and_healthz_reach_the_bot(string method, string path)
    {
        var marker = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(new HttpMethod(method), $"{path}?probe={marker}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CaddyFixture.AdminToken);

        using var response = await stack.AdminOff.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(stack.BotRequests, seen => seen.PathAndQuery.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task By_default_admin_reaches_the_bots_own_sign_in_page_over_https()
    {
        using var page = await stack.AdminDefault.Client.GetAsync("/admin", TestContext.Current.CancellationToken);
        var body = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var start = await stack.AdminDefault.Client.GetAsync("/admin/signin/discord", TestContext.Current.CancellationToken);
        using var api = await stack.AdminDefault.Client.GetAsync("/admin/api/status", TestContext.Current.CancellationToken);

        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{(int)page.StatusCode} {body}\n{stack.AdminDefault.Output}");
        Assert.Contains("""<a class="discord" href="/admin/signin/discord">Se connecter avec Discord</a>""", body, StringComparison.Ordinal);
        Assert.Contains("name=\"token\"", body, StringComparison.Ordinal);
        Assert.StartsWith("default-src 'none'", Header(page, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.StartsWith("max-age=", Header(page, "Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith("https://discord.com/oauth2/authorize?response_type=code&client_id=", start.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Contains(start.Headers.GetValues("Set-Cookie"), c => c.StartsWith("coalitionbot_signin_state=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task With_ADMIN_MODE_basicauth_admin_needs_the_basic_credentials_first()
    {
        var marker = Guid.NewGuid().ToString("N");

        using var response = await stack.AdminBasicAuth.Client.GetAsync($"/admin/api/status?probe={marker}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Basic");
        Assert.DoesNotContain(stack.BotRequests, seen => seen.PathAndQuery.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_ADMIN_MODE_basicauth_the_bot_gets_its_bearer_token_from_X_Admin_Token()
    {
        var marker = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/admin/api/status?probe={marker}");
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{CaddyFixture.BasicUser}:{CaddyFixture.BasicPassword}")));
        request.Headers.Add("X-Admin-Token", CaddyFixture.AdminToken);

        using var response = await stack.AdminBasicAuth.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(response.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Basic");
        var seen = Assert.Single(stack.BotRequests, seen => seen.PathAndQuery.Contains(marker, StringComparison.Ordinal));
        Assert.Equal($"Bearer {CaddyFixture.AdminToken}", seen.Authorization);
        Assert.False(seen.HasAdminTokenHeader);
    }

    [Fact]
    public async Task With_ADMIN_MODE_basicauth_interactions_stay_public()
    {
        using var request = SignedInteraction(Encoding.UTF8.GetBytes(Ping));

        using var response = await stack.AdminBasicAuth.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// A request signed over <paramref name="signedBody"/> that carries <paramref name="sentBody"/> (the same unless tampering).
    private HttpRequestMessage SignedInteraction(byte[] signedBody, byte[]? sentBody = null)
    {
        var timestamp = TestKeys.Now();
        var request = SignedRequests.WithoutSignature(sentBody ?? signedBody);
        request.Headers.Add("X-Signature-Ed25519", stack.Bot.Keys.Sign(timestamp, signedBody));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        request.Headers.UserAgent.ParseAdd("Discord-Interactions/1.0");
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
