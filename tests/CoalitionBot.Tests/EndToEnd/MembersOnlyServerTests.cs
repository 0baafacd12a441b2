using CoalitionBot.Digest;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.EndToEnd;

/// A members-only server (<see cref="MembersOnlyGuild"/>) read by the whole bot from a WireMock
/// Discord into a real LiteDB file, and the day's digest built from what it stored.
public sealed class MembersOnlyServerTests : IDisposable
{
    private readonly GuildFake fake = new();
    private readonly TempDirectory data = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_the_membre_audience_the_digest_holds_the_members_channels_and_the_voice_chat_and_not_the_boards_room()
    {
        var server = new MembersOnlyGuild(fake);
        fake.Map();
        using var host = IngestionFixtures.Host(data.Path, fake.BaseUrl, guildId: fake.Guild, settings: new Dictionary<string, string?> { ["Digest:AudienceRole"] = "Membre" });

        await host.Poller.PollAsync(Token);
        var (digest, rendered) = host.Get<DigestService>().Render(server.Yesterday);

        var mailed = digest.Sections.SelectMany(s => s.Entries).Select(e => e.Id).ToHashSet();
        Assert.Equal(
            new HashSet<ulong> { server.LobbyMessage.Id, server.GeneralMessage.Id, server.AnnouncementMessage.Id, server.MeetingMessage.Id },
            mailed);
        Assert.Contains("Réunion", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("pad.example.org/reunion", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("bureau-privé", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("confidentiel", rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("confidentiel", rendered.Text, StringComparison.Ordinal);
        // The board's room is read and stored (a moderator may mark it important), just not mailed.
        Assert.NotNull(host.Get<MessageStore>().Find(server.BoardMessage.Id));
        fake.AssertNoUnexpectedRequests();
    }

    [Fact]
    public async Task With_the_default_audience_only_the_lobby_is_mailed()
    {
        var server = new MembersOnlyGuild(fake);
        fake.Map();
        using var host = IngestionFixtures.Host(data.Path, fake.BaseUrl, guildId: fake.Guild);

        await host.Poller.PollAsync(Token);
        var (digest, _) = host.Get<DigestService>().Render(server.Yesterday);

        Assert.Equal([server.LobbyMessage.Id], digest.Sections.SelectMany(s => s.Entries).Select(e => e.Id));
    }

    [Fact]
    public async Task A_moderators_choice_of_audience_applies_to_the_next_digest_without_a_poll_and_the_voice_chat_costs_no_extra_request()
    {
        var server = new MembersOnlyGuild(fake);
        fake.Map();
        using var host = IngestionFixtures.Host(data.Path, fake.BaseUrl, guildId: fake.Guild);
        await host.Poller.PollAsync(Token);

        var chosen = host.Get<DigestAudience>().Choose("membre", new Actor(7, "Camille"));
        var (digest, _) = host.Get<DigestService>().Render(server.Yesterday);
        var quiet = await host.Poller.PollAsync(Token);

        Assert.NotNull(chosen);
        Assert.Equal(server.Membre, chosen.RoleId);
        Assert.Equal(4, digest.Sections.SelectMany(s => s.Entries).Count());
        Assert.Equal(2, quiet.Requests);
        var choice = host.Get<SettingsStore>().Audience()!;
        Assert.Equal(("membre", "Camille", 7UL), (choice.Role, choice.ChangedBy, choice.ChangedById!.Value));
    }

    public void Dispose()
    {
        fake.Dispose();
        data.Dispose();
    }
}
