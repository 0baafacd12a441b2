using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CoalitionBot.Admin;
using CoalitionBot.Tests.Admin;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Tests.Security;

/// DESIGN.md invariant 7: an unauthenticated sender cannot write more than a summary line a minute
/// into the log (nor into the admin page's log buffer), however many requests it sends.
public sealed class RefusalSummaryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_flood_of_refused_requests_writes_at_most_one_line_a_minute_with_counts_by_reason()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = new TestApp(AdminApiTests.Enabled(), services => services.AddSingleton<TimeProvider>(clock));
        using var otherKeys = new TestKeys();
        var buffer = app.Get<LogBuffer>();
        var linesBefore = Visible(app).Count;
        var bufferBefore = buffer.Recent(LogBuffer.Capacity).Count;
        var ping = Encoding.UTF8.GetBytes(Payloads.Ping());

        for (var i = 0; i < 50; i++)
        {
            var now = TestKeys.Now(clock);
            using var badSignature = SignedRequests.WithoutSignature(ping);
            badSignature.Headers.Add("X-Signature-Ed25519", otherKeys.Sign(now, ping));
            badSignature.Headers.Add("X-Signature-Timestamp", now);
            await SendAsync(app, badSignature, HttpStatusCode.Unauthorized);
            using var unsigned = SignedRequests.WithoutSignature(ping);
            await SendAsync(app, unsigned, HttpStatusCode.Unauthorized);
        }

        for (var i = 0; i < 20; i++)
        {
            var stale = (clock.GetUtcNow() - TimeSpan.FromHours(1)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var replay = SignedRequests.Create(app.Keys, ping, stale);
            await SendAsync(app, replay, HttpStatusCode.Unauthorized);
            using var large = SignedRequests.Create(app.Keys, Payloads.Ping().Insert(1, new string(' ', 300 * 1024)), TestKeys.Now(clock));
            await SendAsync(app, large, HttpStatusCode.RequestEntityTooLarge);
        }

        // Fewer than the lockout allows, so the status can still be read with the right token afterwards.
        for (var i = 0; i < FailedAttempts.PermitsPerWindow - 1; i++)
        {
            using var wrong = new HttpRequestMessage(HttpMethod.Get, "/admin/api/status");
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "guess-" + i);
            await SendAsync(app, wrong, HttpStatusCode.Unauthorized);
        }

        var duringFlood = Visible(app).Skip(linesBefore).ToList();
        var bufferDuringFlood = buffer.Recent(LogBuffer.Capacity).Count - bufferBefore;
        clock.Advance(TimeSpan.FromSeconds(75));
        var afterAMinute = Visible(app).Skip(linesBefore + duringFlood.Count).ToList();
        clock.Advance(TimeSpan.FromMinutes(5));
        var later = Visible(app).Skip(linesBefore + duringFlood.Count + afterAMinute.Count).ToList();
        using var statusRequest = AdminApiTests.Authorized(HttpMethod.Get, "/admin/api/status");
        using var statusResponse = await app.Client.SendAsync(statusRequest, Token);
        var refusals = JsonNode.Parse(await statusResponse.Content.ReadAsStringAsync(Token))!["refusals"]!;

        Assert.True(duringFlood.Count <= 1, string.Join('\n', duringFlood.Select(l => l.Message)));
        Assert.True(bufferDuringFlood <= 1, $"{bufferDuringFlood} lines reached the admin page's log buffer");
        var summary = Assert.Single(afterAMinute);
        Assert.Equal(LogLevel.Warning, summary.Level);
        Assert.Contains("missing signature headers 50", summary.Message, StringComparison.Ordinal);
        Assert.Contains("stale signature timestamp 20", summary.Message, StringComparison.Ordinal);
        Assert.Contains("body too large 20", summary.Message, StringComparison.Ordinal);
        Assert.Contains("wrong admin token 9", summary.Message, StringComparison.Ordinal);
        Assert.Empty(later);
        Assert.Equal(50, (int)refusals["byReason"]!["badSignature"]!);
        Assert.Equal(50, (int)refusals["byReason"]!["missingSignature"]!);
        Assert.Equal(20, (int)refusals["byReason"]!["staleTimestamp"]!);
        Assert.Equal(20, (int)refusals["byReason"]!["bodyTooLarge"]!);
        Assert.Equal(9, (int)refusals["byReason"]!["wrongAdminToken"]!);
        Assert.Equal(149, (int)refusals["total"]!);
    }

    [Fact]
    public async Task The_first_refusal_after_a_quiet_minute_is_said_at_once()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = new TestApp(configureServices: services => services.AddSingleton<TimeProvider>(clock));
        var before = Visible(app).Count;

        using var unsigned = SignedRequests.WithoutSignature(Encoding.UTF8.GetBytes(Payloads.Ping()));
        await SendAsync(app, unsigned, HttpStatusCode.Unauthorized);

        var line = Assert.Single(Visible(app).Skip(before));
        Assert.StartsWith("Unauthenticated requests refused", line.Message, StringComparison.Ordinal);
        Assert.Contains("missing signature headers 1", line.Message, StringComparison.Ordinal);
    }

    /// What an operator reads: every line at Information and above, whoever writes it.
    private static List<LogCollector.LogLine> Visible(TestApp app) =>
        app.Logs.Lines.Where(l => l.Level >= LogLevel.Information).ToList();

    private static async Task SendAsync(TestApp app, HttpRequestMessage request, HttpStatusCode expected)
    {
        using var response = await app.Client.SendAsync(request, Token);
        Assert.Equal(expected, response.StatusCode);
    }
}
