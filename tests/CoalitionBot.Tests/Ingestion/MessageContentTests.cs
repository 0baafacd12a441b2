using CoalitionBot.Ingestion;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoalitionBot.Tests.Ingestion;

/// Without the Message Content intent, Discord sends members' messages empty: the poll says so and /healthz too.
public sealed class MessageContentTests : IDisposable
{
    private readonly GuildFake fake = new();
    private readonly TempDirectory data = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Members_messages_all_empty_are_reported_as_the_missing_message_content_intent()
    {
        var member = fake.AddUser("camille");
        var general = fake.AddChannel("général");
        for (var i = 0; i < 12; i++)
        {
            var at = fake.Now.AddMinutes(-30 + i);
            fake.Add(new FakeMessage(fake.Snowflake(at), general.Id, member, "", at));
        }

        fake.Map();
        using var host = IngestionFixtures.Host(data.Path, fake.BaseUrl, guildId: fake.Guild);

        var summary = await host.Poller.PollAsync(Token);
        var quiet = await host.Poller.PollAsync(Token);
        var health = await host.Get<HealthCheckService>().CheckHealthAsync(c => c.Name == "polling", Token);

        Assert.Equal(Poller.MessageContentWarning, summary.Warning);
        Assert.Null(quiet.Warning);
        Assert.Equal(HealthStatus.Degraded, health.Entries["polling"].Status);
        Assert.Contains("Message Content intent", health.Entries["polling"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_with_content_keep_polling_healthy()
    {
        _ = new SampleGuild(fake);
        fake.AddMessages(fake.AddChannel("bavardage"), 20, fake.Now.AddHours(-1), fake.AddUser("jules"));
        fake.Map();
        using var host = IngestionFixtures.Host(data.Path, fake.BaseUrl, guildId: fake.Guild);

        var summary = await host.Poller.PollAsync(Token);
        var health = await host.Get<HealthCheckService>().CheckHealthAsync(c => c.Name == "polling", Token);

        Assert.Null(summary.Warning);
        Assert.Equal(HealthStatus.Healthy, health.Entries["polling"].Status);
    }

    public void Dispose()
    {
        fake.Dispose();
        data.Dispose();
    }
}
