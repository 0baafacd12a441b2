using CoalitionBot.Ingestion;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Ingestion;

public sealed class RefreshTests : IDisposable
{
    private readonly GuildFake fake = new();
    private readonly TempDirectory data = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_refresh_drops_messages_deleted_on_discord_and_takes_edits_and_reactions()
    {
        var sample = new SampleGuild(fake);
        var busy = fake.AddChannel("très actif");
        fake.AddMessages(busy, 230, fake.Now.AddHours(-2), sample.Jules);
        fake.Map();
        using var host = IngestionFixtures.Host(data.Path, fake.BaseUrl, guildId: fake.Guild);
        await host.Poller.PollAsync(Token);
        var deleted = sample.General.Messages.Values.First();
        sample.General.Messages.Remove(deleted.Id);
        var deletedInBusy = busy.Messages.Values.ElementAt(150);
        busy.Messages.Remove(deletedInBusy.Id);
        sample.General.Messages[sample.Rich.Id] = sample.Rich with { Content = "corrigé", EditedAt = fake.Now, Reactions = [new FakeReaction("👍", 5), new FakeReaction("🎉", 1)] };
        var before = fake.Requests.Count;

        var summary = await host.Get<PeriodRefresh>().RefreshAsync(fake.Now.AddHours(-4), fake.Now.AddHours(1), Token);

        Assert.Null(summary.Error);
        Assert.Null(host.Messages.Find(deleted.Id));
        Assert.Null(host.Messages.Find(deletedInBusy.Id));
        Assert.Equal(2, summary.MessagesDeleted);
        Assert.Equal(fake.AllMessages.Count(), summary.MessagesUpdated);
        var rich = host.Messages.Find(sample.Rich.Id)!;
        Assert.Equal("corrigé", rich.Content);
        Assert.Equal([5, 1], rich.Reactions.Select(r => r.Count));
        Assert.Equal(fake.AllMessages.Count(), host.Messages.Count());
        // One request per channel of under 100 messages; three pages for the busy one.
        var channelsWithMessages = fake.Channels.Count(c => c.Messages.Count > 0);
        Assert.Equal(channelsWithMessages + 2, fake.Requests.Count - before);
        Assert.Empty(fake.UnmatchedRequests);
    }

    [Fact]
    public async Task A_refresh_leaves_messages_outside_the_period_alone()
    {
        var sample = new SampleGuild(fake);
        fake.Map();
        using var host = IngestionFixtures.Host(data.Path, fake.BaseUrl, guildId: fake.Guild);
        await host.Poller.PollAsync(Token);
        var first = sample.General.Messages.Values.First();
        sample.General.Messages.Remove(first.Id);

        var summary = await host.Get<PeriodRefresh>().RefreshAsync(first.Timestamp.AddSeconds(1), fake.Now.AddHours(1), Token);

        Assert.Equal(0, summary.MessagesDeleted);
        Assert.NotNull(host.Messages.Find(first.Id));
    }

    [Fact]
    public async Task A_refresh_drops_the_messages_of_a_channel_deleted_on_discord()
    {
        var sample = new SampleGuild(fake);
        var gone = fake.AddChannel("supprimé");
        var messages = fake.AddMessages(gone, 4, fake.Now.AddHours(-1), sample.Jules);
        fake.Map();
        using var host = IngestionFixtures.Host(data.Path, fake.BaseUrl, guildId: fake.Guild);
        await host.Poller.PollAsync(Token);
        gone.Deleted = true;

        var summary = await host.Get<PeriodRefresh>().RefreshAsync(fake.Now.AddHours(-4), fake.Now.AddHours(1), Token);

        Assert.Equal(4, summary.MessagesDeleted);
        Assert.All(messages, m => Assert.Null(host.Messages.Find(m.Id)));
        Assert.StartsWith("404", host.Channels.Find(gone.Id)!.Unreadable, StringComparison.Ordinal);
        Assert.Equal(fake.AllMessages.Count() - 4, host.Messages.Count());
    }

    public void Dispose()
    {
        fake.Dispose();
        data.Dispose();
    }
}
