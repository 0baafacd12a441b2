using System.Net;
using System.Text.Json.Nodes;
using CoalitionBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Tests.Security;

/// Whatever still throws answers a clean JSON error: no stack trace for the client, one line in the log.
public sealed class UnhandledExceptionTests
{
    private const string ThrowingPath = "/test/throws";
    private const string Secret = "internal detail 7f3a";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task A_route_that_throws_answers_a_clean_json_500_and_logs_one_line(string method)
    {
        await using var app = new TestApp(configureServices: services => services.AddSingleton<IStartupFilter, ThrowingRoute>());
        var before = app.Logs.Lines.Count;

        using var response = await app.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), ThrowingPath), Token);

        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(500, (int)JsonNode.Parse(body)!["status"]!);
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("ThrowingRoute", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        var lines = app.Logs.Lines.Skip(before).Where(l => l.Level >= LogLevel.Information).ToList();
        var line = Assert.Single(lines);
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.Null(line.Exception);
        Assert.Contains(ThrowingPath, line.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(InvalidOperationException), line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line.Message);
    }

    /// A route added after the application's own, inside its middleware: it stands for any handler with a bug.
    private sealed class ThrowingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(ThrowingPath, branch => branch.Run(_ => throw new InvalidOperationException(Secret)));
        };
    }
}
