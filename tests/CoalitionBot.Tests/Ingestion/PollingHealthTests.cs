using System.Net;
using System.Text.Json.Nodes;
using CoalitionBot.Ingestion;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Tests.Ingestion;

/// Uptime Kuma watches /healthz: polling that has stopped working must turn it to 503.
public sealed class PollingHealthTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Healthz_turns_unhealthy_when_the_last_successful_poll_is_three_intervals_old()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = new TestApp(configureServices: services => services.AddSingleton<TimeProvider>(clock));
        var now = clock.GetUtcNow();
        app.Get<PollStatus>().Completed(new PollSummary(PollOutcomes.Completed, now, now, 1, 0, 2, []));

        var fresh = await HealthAsync(app);
        clock.Advance(TimeSpan.FromMinutes(16));
        var late = await HealthAsync(app);

        Assert.Equal(HttpStatusCode.OK, fresh.Status);
        Assert.Equal("healthy", (string)fresh.Body["checks"]!["polling"]!["status"]!);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, late.Status);
        // The public /healthz gives the state only; the reason is the admin status's.
        Assert.StartsWith("no successful poll since", await PollingDescriptionAsync(app), StringComparison.Ordinal);
        Assert.DoesNotContain("no successful poll", late.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("aucune lecture", late.Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_turns_unhealthy_when_no_poll_ever_succeeds()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = new TestApp(configureServices: services => services.AddSingleton<TimeProvider>(clock));
        app.Get<PollStatus>().Failed(clock.GetUtcNow(), "Discord answered 502");

        var early = await HealthAsync(app);
        clock.Advance(TimeSpan.FromMinutes(20));
        var late = await HealthAsync(app);

        Assert.Equal(HttpStatusCode.OK, early.Status);
        Assert.Equal("degraded", (string)early.Body["checks"]!["polling"]!["status"]!);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, late.Status);
        Assert.Contains("last failure: Discord answered 502", await PollingDescriptionAsync(app), StringComparison.Ordinal);
        Assert.DoesNotContain("Discord answered 502", late.Body.ToJsonString(), StringComparison.Ordinal);
    }

    private static async Task<string> PollingDescriptionAsync(TestApp app) =>
        (await app.Get<HealthCheckService>().CheckHealthAsync(Token)).Entries["polling"].Description ?? "";

    private static async Task<(HttpStatusCode Status, JsonNode Body)> HealthAsync(TestApp app)
    {
        using var response = await app.Client.GetAsync(new Uri("/healthz", UriKind.Relative), Token);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!);
    }
}
