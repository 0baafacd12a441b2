using System.Net;
using System.Text.Json.Nodes;
using CoalitionBot.Tests.Support;

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
        Assert.StartsWith("off: Discord:BotToken is not set", (string)health["checks"]!["configuration"]!["polling"]!, StringComparison.Ordinal);
        Assert.StartsWith("on:", (string)health["checks"]!["configuration"]!["interactions"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_answers_503_when_the_database_cannot_be_opened()
    {
        var data = Directory.CreateTempSubdirectory("coalitionbot-health-").FullName;
        // A folder where the database file should be: LiteDB cannot open it.
        Directory.CreateDirectory(Path.Combine(data, "coalitionbot.db"));
        await using var app = new TestApp(dataDirectory: data);

        using var response = await app.Client.GetAsync(new Uri("/healthz", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var health = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!;
        Assert.Equal("unhealthy", (string)health["status"]!);
        Assert.Contains("cannot be opened", (string)health["checks"]!["storage"]!["description"]!, StringComparison.Ordinal);
        Assert.Contains(app.Logs.Lines, l => l.Message.StartsWith("The database", StringComparison.Ordinal) && l.Message.Contains("cannot be opened", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_setting_is_said_once_at_start()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Discord:BotToken"] = "" });

        Assert.Single(app.Logs.Lines, l => l.Message.StartsWith("Off: polling. Discord:BotToken is not set", StringComparison.Ordinal));
    }
}
