using System.Net;
using System.Text.Json.Nodes;
using CoalitionBot.Security;
using CoalitionBot.Tests.Admin;
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

    [Fact]
    public async Task A_sign_in_form_over_the_limits_is_sent_back_to_the_page_and_counted_not_logged()
    {
        await using var app = new TestApp(AdminApiTests.Enabled());
        using var client = app.CreateBrowserLikeClient();
        using var page = await client.GetAsync(new Uri("/admin", UriKind.Relative), Token);
        var fields = Enumerable.Range(0, 5000).Select(i => new KeyValuePair<string, string>("f" + i, "x")).ToList();
        var before = app.Logs.Lines.Count;

        using var response = await client.PostAsync(new Uri("/admin/login", UriKind.Relative), new FormUrlEncodedContent(fields), Token);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode}: {string.Join('\n', app.Logs.Lines.Skip(before).Select(l => l.Message))}");
        Assert.Equal(1, app.Get<Refusals>().Counts().Total);
        Assert.DoesNotContain(app.Logs.Lines.Skip(before), l => l.Level >= LogLevel.Error);
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
