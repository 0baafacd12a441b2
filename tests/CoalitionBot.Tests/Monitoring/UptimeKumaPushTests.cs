using CoalitionBot.Monitoring;
using CoalitionBot.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CoalitionBot.Tests.Monitoring;

public sealed class UptimeKumaPushTests
{
    [Fact]
    public async Task A_push_calls_the_configured_url_with_status_up_and_the_message()
    {
        using var kuma = WireMockServer.Start();
        kuma.Given(Request.Create().WithPath("/api/push/abc123").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"ok":true}"""));
        await using var app = new TestApp(new Dictionary<string, string?> { ["Monitoring:PushUrl"] = kuma.Url + "/api/push/abc123?status=up&msg=OK&ping=" });

        await app.Get<UptimeKumaPush>().PushAsync("poll: 3 messages", TestContext.Current.CancellationToken);

        var request = Assert.Single(kuma.LogEntries).RequestMessage;
        Assert.Equal("up", request.Query!["status"].Single());
        Assert.Equal("poll: 3 messages", request.Query["msg"].Single());
    }

    [Fact]
    public async Task A_failing_push_is_logged_once_and_never_throws()
    {
        using var kuma = WireMockServer.Start();
        kuma.Given(Request.Create().WithPath("/api/push/abc123").UsingGet()).RespondWith(Response.Create().WithStatusCode(404));
        await using var app = new TestApp(new Dictionary<string, string?> { ["Monitoring:PushUrl"] = kuma.Url + "/api/push/abc123?status=up&msg=OK&ping=" });
        var push = app.Get<UptimeKumaPush>();

        await push.PushAsync("poll", TestContext.Current.CancellationToken);
        await push.PushAsync("poll", TestContext.Current.CancellationToken);

        Assert.Equal(2, kuma.LogEntries.Count);
        Assert.Single(app.Logs.Lines, l => l.Message.StartsWith("The push to Uptime Kuma failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_push_url_nothing_is_sent()
    {
        await using var app = new TestApp();

        await app.Get<UptimeKumaPush>().PushAsync("poll", TestContext.Current.CancellationToken);

        Assert.False(app.Get<UptimeKumaPush>().IsConfigured);
    }
}
