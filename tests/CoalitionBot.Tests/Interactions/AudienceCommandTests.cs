using System.Globalization;
using System.Text.Json.Nodes;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Interactions;

/// /channels, /important, /audience and /exclude without a channel, on a members-only server
/// (<see cref="MembersOnlyGuild"/>) the bot has polled once.
public sealed class AudienceCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Channels_tells_moderators_for_each_channel_whether_it_is_mailed_and_why_not()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Digest:AudienceRole"] = "Membre" });
        var server = new MembersOnlyGuild(app.Discord);
        server.General.Forbidden = true;
        await PolledAsync(app);
        await CommandTests.ExcludeAsync(app, Id(server.Announcements), "annonces");

        var content = await ChannelsAsync(app, Payloads.ModeratorPermissions);

        Assert.Contains("**Public du résumé**\u00a0: \\@Membre", content, StringComparison.Ordinal);
        Assert.Contains("**Salons envoyés dans le résumé (2)**\u00a0: #bienvenue, #Réunion", content, StringComparison.Ordinal);
        Assert.Contains("**Salons non envoyés (3)**", content, StringComparison.Ordinal);
        Assert.Contains("#général (le bot ne peut pas le lire\u00a0: 403", content.Replace(" : ", "\u00a0: ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("#annonces (exclu par Camille, le", content, StringComparison.Ordinal);
        Assert.Contains("#bureau-privé (invisible pour \\@Membre)", content, StringComparison.Ordinal);
        Assert.DoesNotContain("⚠", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_excluded_through_the_admin_api_is_said_to_be_excluded_by_the_admin_token_in_words()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Digest:AudienceRole"] = "Membre" });
        var server = new MembersOnlyGuild(app.Discord);
        await PolledAsync(app);
        app.Get<CoalitionBot.Admin.AdminChannels>().SetExcluded(server.Announcements.Id, excluded: true, Actor.Token);
        app.Get<ChannelListStore>().SetExcluded(server.Lobby.Id, "bienvenue", excluded: true, new Actor(1300000000000000999UL, "token"));

        var content = await ChannelsAsync(app, Payloads.ModeratorPermissions);

        Assert.Contains("#annonces (exclu par le jeton d'administration, le", content, StringComparison.Ordinal);
        Assert.Contains("#bienvenue (exclu par token, le", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_see_only_the_channels_the_audience_sees_and_never_a_private_channels_name()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Digest:AudienceRole"] = "Membre" });
        var server = new MembersOnlyGuild(app.Discord);
        await PolledAsync(app);
        var important = await CommandTests.SendAsync(app, Payloads.Command("important", Payloads.ChannelOption(Id(server.BoardRoom)), resolvedChannels: Payloads.ResolvedChannel(Id(server.BoardRoom), "bureau-privé")));
        await CommandTests.ExcludeAsync(app, Id(server.Lobby), "bienvenue");

        var moderator = await ChannelsAsync(app, Payloads.ModeratorPermissions);
        var member = await ChannelsAsync(app, Payloads.MemberPermissions);

        Assert.Contains("est marqué important", (string)important["data"]!["content"]!, StringComparison.Ordinal);
        Assert.Contains("#général, #annonces, #Réunion, #bureau-privé", moderator, StringComparison.Ordinal);
        Assert.Contains("**Salons importants (1)**\u00a0: #bureau-privé", moderator, StringComparison.Ordinal);
        Assert.Contains("**Salons envoyés dans le résumé (3)**\u00a0: #général, #annonces, #Réunion", member, StringComparison.Ordinal);
        Assert.Contains("#bienvenue (exclu par Camille", member, StringComparison.Ordinal);
        Assert.Contains("**Salons importants (0)**", member, StringComparison.Ordinal);
        Assert.Contains("Les salons que \\@Membre ne voit pas ne sont pas listés ici.", member, StringComparison.Ordinal);
        Assert.DoesNotContain("bureau", member, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_moderator_sets_the_audience_from_discord_and_it_is_stored_with_who_and_when()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Admin:Token"] = TestApp.AdminToken });
        var server = new MembersOnlyGuild(app.Discord);
        await PolledAsync(app);
        await CommandTests.ExcludeAsync(app, Id(server.Lobby), "bienvenue");

        var before = await ContentAsync(app, Payloads.Command("audience"));
        var healthBefore = await AudienceHealthAsync(app);
        var refused = await ContentAsync(app, Payloads.Command("audience", Payloads.RoleOption(Id(server.Membre)), Payloads.MemberPermissions, resolvedRoles: Payloads.ResolvedRole(Id(server.Membre), "Membre")));
        var set = await ContentAsync(app, Payloads.Command("audience", Payloads.RoleOption(Id(server.Membre)), resolvedRoles: Payloads.ResolvedRole(Id(server.Membre), "Membre")));
        var after = await ContentAsync(app, Payloads.Command("audience", locale: "en-US"));
        var healthAfter = await AudienceHealthAsync(app);

        Assert.StartsWith("**Public du résumé**\u00a0: \\@everyone (réglé par la configuration (Digest:AudienceRole))", before, StringComparison.Ordinal);
        Assert.Contains("⚠ aucun salon suivi par le résumé n'est visible pour \\@everyone", before, StringComparison.Ordinal);
        Assert.Equal("degraded", healthBefore);
        Assert.Contains("Gérer le serveur", refused, StringComparison.Ordinal);
        Assert.Equal("Le résumé suit désormais ce que voit \\@Membre : 3 salon(s) suivi(s) lui sont visibles.", set);
        Assert.StartsWith("**Digest audience**: \\@Membre (chosen by Camille, on ", after, StringComparison.Ordinal);
        Assert.DoesNotContain("⚠", after, StringComparison.Ordinal);
        Assert.Equal("healthy", healthAfter);
        var choice = app.Get<SettingsStore>().Audience()!;
        Assert.Equal((Id(server.Membre), "Camille", ulong.Parse(Payloads.MemberId, CultureInfo.InvariantCulture)), (choice.Role, choice.ChangedBy, choice.ChangedById!.Value));
        Assert.True(TimeProvider.System.GetUtcNow() - choice.ChangedAt < TimeSpan.FromMinutes(1));
        Assert.Contains(app.Logs.Lines, l => l.Message == $"Digest audience set to @Membre ({Id(server.Membre)}) by Camille");
    }

    [Fact]
    public async Task A_role_the_server_does_not_have_changes_nothing()
    {
        await using var app = new TestApp();
        _ = new MembersOnlyGuild(app.Discord);
        await PolledAsync(app);

        var answer = await ContentAsync(app, Payloads.Command("audience", Payloads.RoleOption("1300000000000000999")));

        Assert.Equal("1300000000000000999 n'est pas un rôle de ce serveur : rien n'a changé.", answer);
        Assert.Null(app.Get<SettingsStore>().Audience());
    }

    [Fact]
    public async Task The_audience_problem_is_said_once_after_the_poll_that_finds_it_and_again_at_the_next_start()
    {
        var data = Directory.CreateTempSubdirectory("coalitionbot-audience-").FullName;
        using var guild = new GuildFake(ulong.Parse(Payloads.GuildId, CultureInfo.InvariantCulture));
        var server = new MembersOnlyGuild(guild);
        server.Lobby.Overwrites.Add(new FakeOverwrite(guild.Guild, Allow: 0, Deny: MembersOnlyGuild.ViewChannel));
        const string Line = "Audience: no channel the digest follows is visible to @everyone: only channels marked important are mailed; choose the role members hold (/audience or the admin page)";
        await using (var app = new TestApp(new TestAppOptions { Discord = guild, DataDirectory = data }))
        {
            await PolledAsync(app);
            await app.Poller.PollAsync(Token);

            Assert.Single(app.Logs.Lines, l => l.Message == Line);
        }

        await using var restarted = new TestApp(new TestAppOptions { Discord = guild, DataDirectory = data });

        Assert.Single(restarted.Logs.Lines, l => l.Message == Line && l.Category.EndsWith("StartupReport", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Important_without_a_channel_marks_the_one_it_is_typed_in_and_remove_unmarks_it()
    {
        await using var app = new TestApp();
        var invoking = ulong.Parse(Payloads.InvokingChannelId, CultureInfo.InvariantCulture);

        var marked = await ContentAsync(app, Payloads.Command("important"));
        var again = await ContentAsync(app, Payloads.Command("important", locale: "en-GB"));
        var entry = app.Get<ChannelListStore>().Find(invoking)!;
        var refused = await ContentAsync(app, Payloads.Command("important", Payloads.BooleanOption("remove", true), Payloads.MemberPermissions));
        var unmarked = await ContentAsync(app, Payloads.Command("important", Payloads.BooleanOption("remove", true)));
        var unmarkedAgain = await ContentAsync(app, Payloads.Command("important", Payloads.BooleanOption("remove", true), locale: "en-US"));

        Assert.StartsWith("#bot-admin est marqué important", marked, StringComparison.Ordinal);
        Assert.Equal("#bot-admin was already marked important.", again);
        Assert.Equal((true, "bot-admin", "Camille"), (entry.Important, entry.Name, entry.ChangedBy));
        Assert.Contains("Gérer le serveur", refused, StringComparison.Ordinal);
        Assert.Equal("#bot-admin n'est plus marqué important.", unmarked);
        Assert.Equal("#bot-admin was not marked important: nothing changed.", unmarkedAgain);
        Assert.False(app.Get<ChannelListStore>().Find(invoking)!.Important);
    }

    [Fact]
    public async Task Exclude_without_a_channel_excludes_the_one_it_is_typed_in()
    {
        await using var app = new TestApp();

        var answer = await ContentAsync(app, Payloads.Command("exclude"));

        Assert.Equal("#bot-admin est exclu du résumé quotidien.", answer);
        var entry = app.Get<ChannelListStore>().Find(ulong.Parse(Payloads.InvokingChannelId, CultureInfo.InvariantCulture))!;
        Assert.Equal((true, "bot-admin", "Camille"), (entry.Excluded, entry.Name, entry.ChangedBy));
    }

    [Fact]
    public async Task Important_refuses_a_category()
    {
        await using var app = new TestApp();

        var answer = await ContentAsync(app, Payloads.Command("important", Payloads.ChannelOption("1300000000000000200"), resolvedChannels: Payloads.ResolvedChannel("1300000000000000200", "Coalition", 4)));

        Assert.Contains("vocaux, de conférence et les forums", answer, StringComparison.Ordinal);
        Assert.Empty(app.Get<ChannelListStore>().Important());
    }

    private static async Task PolledAsync(TestApp app)
    {
        app.Discord.Map();
        app.Discord.StubEditOriginal();
        await app.Poller.PollAsync(Token);
    }

    /// /channels' answer: the first asks Discord for the channel list (deferred, then an edit), the next ones answer at once.
    private static async Task<string> ChannelsAsync(TestApp app, string permissions)
    {
        var answer = await CommandTests.SendAsync(app, Payloads.Command("channels", permissions: permissions));
        if ((int)answer["type"]! == 4)
        {
            return (string)answer["data"]!["content"]!;
        }

        var edit = await app.Discord.WaitForRequestAsync(e => e.RequestMessage.Method == "PATCH", Token);
        return (string)JsonNode.Parse(edit.RequestMessage.Body!)!["content"]!;
    }

    private static async Task<string> ContentAsync(TestApp app, JsonObject interaction) =>
        (string)(await CommandTests.SendAsync(app, interaction))["data"]!["content"]!;

    private static async Task<string> AudienceHealthAsync(TestApp app)
    {
        using var response = await app.Client.GetAsync(new Uri("/healthz", UriKind.Relative), Token);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!["checks"]!["audience"]!["status"]!;
    }

    private static string Id(FakeChannel channel) => Payloads.Id(channel.Id);

    private static string Id(ulong id) => Payloads.Id(id);
}
