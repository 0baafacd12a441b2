using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CoalitionBot.Digest;
using CoalitionBot.Ingestion;
using CoalitionBot.Tests.Admin;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Tests.Health;

public sealed class HealthTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Healthz_answers_200_with_the_state_of_storage_and_features()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Discord:BotToken"] = "" });

        using var response = await app.Client.GetAsync(new Uri("/healthz", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var health = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!;
        Assert.Equal("healthy", (string)health["status"]!);
        Assert.Equal("healthy", (string)health["checks"]!["storage"]!["status"]!);
        Assert.Equal("off", (string)health["features"]!["polling"]!);
        Assert.Equal("on", (string)health["features"]!["interactions"]!);
    }

    [Fact]
    public async Task Healthz_answers_503_when_the_database_cannot_be_opened_and_keeps_the_reason_for_the_admin()
    {
        var data = Directory.CreateTempSubdirectory("coalitionbot-health-").FullName;
        // A folder where the database file should be: LiteDB cannot open it.
        Directory.CreateDirectory(Path.Combine(data, "coalitionbot.db"));
        await using var app = new TestApp(AdminApiTests.Enabled(), dataDirectory: data);

        using var response = await app.Client.GetAsync(new Uri("/healthz", UriKind.Relative), Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        var status = await AdminStatusAsync(app);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var health = JsonNode.Parse(text)!;
        Assert.Equal("unhealthy", (string)health["status"]!);
        Assert.Equal("unhealthy", (string)health["checks"]!["storage"]!["status"]!);
        Assert.DoesNotContain("cannot be opened", text, StringComparison.Ordinal);
        Assert.DoesNotContain(data, text, StringComparison.Ordinal);
        Assert.Contains("cannot be opened", (string)status["checks"]!["storage"]!, StringComparison.Ordinal);
        Assert.Contains(app.Logs.Lines, l => l.Message.StartsWith("The database", StringComparison.Ordinal) && l.Message.Contains("cannot be opened", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Public_healthz_gives_states_and_times_but_no_error_text_which_stays_behind_the_admin_token()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var settings = AdminApiTests.Enabled("test-bot-token");
        settings["Digest:To"] = "liste@coalition.example";
        await using var app = new TestApp(settings, services => services.AddSingleton<TimeProvider>(clock));
        var now = clock.GetUtcNow();
        app.Get<PollStatus>().Completed(new PollSummary(PollOutcomes.Completed, now, now, 1, 0, 2, []));
        app.Get<PollStatus>().Failed(now, "Connection refused (discord-relay.internal:8443)");
        clock.Advance(TimeSpan.FromHours(3));
        // Whichever of the last two days the check looks at has failed.
        var last = app.Get<DigestService>().LastCompleteDay();
        foreach (var day in new[] { last, last.AddDays(-1) })
        {
            app.Get<DigestLedger>().Save(new DigestRecord { Id = DigestLedger.Key(day), State = DigestState.Failed, Attempts = 12, LastError = "5.7.1 relay denied for smtp.internal.example" });
        }

        using var response = await app.Client.GetAsync(new Uri("/healthz", UriKind.Relative), Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        var status = await AdminStatusAsync(app);

        var health = JsonNode.Parse(text)!;
        Assert.Equal("unhealthy", (string)health["checks"]!["polling"]!["status"]!);
        Assert.Equal("unhealthy", (string)health["checks"]!["digest"]!["status"]!);
        Assert.Equal(now, (DateTimeOffset)health["checks"]!["polling"]!["lastPoll"]!);
        Assert.DoesNotContain("discord-relay.internal", text, StringComparison.Ordinal);
        Assert.DoesNotContain("relay denied", text, StringComparison.Ordinal);
        Assert.DoesNotContain("description", text, StringComparison.Ordinal);
        Assert.All(health["checks"]!.AsObject(), check => Assert.All(check.Value!.AsObject(), field =>
            Assert.True(field.Key == "status" || DateTimeOffset.TryParse((string)field.Value!, System.Globalization.CultureInfo.InvariantCulture, out _), $"{check.Key}.{field.Key} = {field.Value}")));
        Assert.Contains("discord-relay.internal", (string)status["checks"]!["polling"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_setting_is_said_once_at_start()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Discord:BotToken"] = "" });

        Assert.Single(app.Logs.Lines, l => l.Message.StartsWith("Off: polling. Discord:BotToken is not set", StringComparison.Ordinal));
        // The admin page has two ways in: the line names both keys that would open it.
        Assert.Single(app.Logs.Lines, l => l.Message.StartsWith("Off: admin. neither Admin:Token nor Discord:ClientSecret is set", StringComparison.Ordinal));
    }

    private static async Task<JsonNode> AdminStatusAsync(TestApp app)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/api/status");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminApiTests.AdminToken);
        using var response = await app.Client.SendAsync(request, Token);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!;
    }
}
