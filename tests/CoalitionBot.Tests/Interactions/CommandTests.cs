using System.Text.Json.Nodes;
using CoalitionBot.Interactions;
using CoalitionBot.Interactions.Commands;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Tests.Interactions;

public sealed class CommandTests
{
    private const string General = "1300000000000000201";
    private const string Annonces = "1300000000000000202";
    private const string Evenements = "1300000000000000203";
    private const string Voice = "1300000000000000204";
    private const string Category = "1300000000000000200";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Channels_first_defers_then_edits_its_answer_with_the_servers_channels()
    {
        await using var app = new TestApp();
        StubServer(app.Discord);
        app.Discord.StubEditOriginal();
        await ExcludeAsync(app, Evenements, "événements");

        var answer = await SendAsync(app, Payloads.Command("channels"));

        Assert.Equal(5, (int)answer["type"]!);
        Assert.Equal(64, (int)answer["data"]!["flags"]!);
        var edit = await app.Discord.WaitForRequestAsync(e => e.RequestMessage.Method == "PATCH", Token);
        Assert.EndsWith("/messages/@original", edit.RequestMessage.Path, StringComparison.Ordinal);
        OpenApiSchemas.AssertValid(OpenApiSchemas.RequestBody("/webhooks/{webhook_id}/{webhook_token}/messages/@original", "patch"), edit.RequestMessage.Body!, "original response edit");
        var content = (string)JsonNode.Parse(edit.RequestMessage.Body!)!["content"]!;
        Assert.Contains("Salons envoyés dans le résumé (3)", content, StringComparison.Ordinal);
        Assert.Contains("#general, #annonces, #vocal", content, StringComparison.Ordinal);
        Assert.Contains("Salons non envoyés (1)", content, StringComparison.Ordinal);
        Assert.Contains("#événements (exclu par Camille, le", content, StringComparison.Ordinal);
        Assert.DoesNotContain("#Coalition", content, StringComparison.Ordinal);
        Assert.Empty(JsonNode.Parse(edit.RequestMessage.Body!)!["allowed_mentions"]!["parse"]!.AsArray());
        app.Discord.AssertNoUnexpectedRequests();
    }

    [Fact]
    public async Task Channels_answers_at_once_while_the_channel_list_is_fresh()
    {
        await using var app = new TestApp();
        StubServer(app.Discord);
        app.Discord.StubEditOriginal();
        await SendAsync(app, Payloads.Command("channels"));
        await app.Discord.WaitForRequestAsync(e => e.RequestMessage.Method == "PATCH", Token);

        var answer = await SendAsync(app, Payloads.Command("channels", locale: "en-US"));

        Assert.Equal(4, (int)answer["type"]!);
        Assert.Equal(64, (int)answer["data"]!["flags"]!);
        Assert.Contains("Channels in the digest (4)", (string)answer["data"]!["content"]!, StringComparison.Ordinal);
        Assert.Single(app.Discord.Requests, e => e.RequestMessage.Method == "GET");
    }

    [Fact]
    public async Task Channels_without_a_bot_token_lists_what_it_knows_and_says_the_rest_is_unavailable()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Discord:BotToken"] = "" });
        await ExcludeAsync(app, Annonces, "annonces");

        var answer = await SendAsync(app, Payloads.Command("channels"));

        var content = (string)answer["data"]!["content"]!;
        Assert.Equal(4, (int)answer["type"]!);
        Assert.Contains("Salons non envoyés (1)", content, StringComparison.Ordinal);
        Assert.Contains("n'est pas disponible", content, StringComparison.Ordinal);
        Assert.Empty(app.Discord.Requests);
    }

    [Fact]
    public async Task Channels_without_discord_uses_the_channels_ingestion_stored()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Discord:BotToken"] = "" });
        app.Get<ChannelStore>().Upsert(
        [
            new StoredChannel { Id = 1300000000000000201, Name = "general", Type = 0, Position = 0 },
            new StoredChannel { Id = 1300000000000000202, Name = "annonces", Type = 5, Position = 1 },
            new StoredChannel { Id = 1300000000000000299, Name = "un-fil", Type = 11, ParentId = 1300000000000000201 },
        ]);
        await ExcludeAsync(app, Annonces, "annonces");

        var answer = await SendAsync(app, Payloads.Command("channels"));

        var content = (string)answer["data"]!["content"]!;
        Assert.Contains("Salons envoyés dans le résumé (1)**\u00a0: #general", content, StringComparison.Ordinal);
        Assert.DoesNotContain("un-fil", content, StringComparison.Ordinal);
        Assert.DoesNotContain("n'est pas disponible", content, StringComparison.Ordinal);
        Assert.Empty(app.Discord.Requests);
    }

    [Fact]
    public async Task Channels_answers_again_follow_every_change_of_the_lists_and_of_the_stored_channels()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Discord:BotToken"] = "" });
        var channels = app.Get<ChannelStore>();
        channels.Upsert([new StoredChannel { Id = 1300000000000000201, Name = "general", Type = 0, Position = 0 }]);
        var first = await ContentAsync(app);
        var again = await ContentAsync(app);

        await ExcludeAsync(app, General, "general");
        var afterExclude = await ContentAsync(app);
        channels.Upsert([new StoredChannel { Id = 1300000000000000202, Name = "annonces", Type = 5, Position = 1 }]);
        var afterNewChannel = await ContentAsync(app);
        await SendAsync(app, Payloads.Command("include", Payloads.StringOption("channel", General)));
        var afterInclude = await ContentAsync(app);
        var english = await ContentAsync(app, "en-US");

        Assert.Contains("Salons envoyés dans le résumé (1)**\u00a0: #general", first, StringComparison.Ordinal);
        Assert.Equal(first, again);
        Assert.Contains("Salons envoyés dans le résumé (0)", afterExclude, StringComparison.Ordinal);
        Assert.Contains("Salons non envoyés (1)", afterExclude, StringComparison.Ordinal);
        Assert.Contains("Salons envoyés dans le résumé (1)**\u00a0: #annonces", afterNewChannel, StringComparison.Ordinal);
        Assert.Contains("Salons envoyés dans le résumé (2)**\u00a0: #general, #annonces", afterInclude, StringComparison.Ordinal);
        Assert.Contains("Salons non envoyés (0)", afterInclude, StringComparison.Ordinal);
        Assert.Contains("Channels in the digest (2)", english, StringComparison.Ordinal);

        static async Task<string> ContentAsync(TestApp app, string locale = "fr") =>
            (string)(await SendAsync(app, Payloads.Command("channels", locale: locale)))["data"]!["content"]!;
    }

    [Fact]
    public async Task Exclude_by_a_moderator_stores_the_channel_with_who_and_when()
    {
        await using var app = new TestApp();

        var answer = await ExcludeAsync(app, Annonces, "annonces");

        Assert.Equal(64, (int)answer["data"]!["flags"]!);
        Assert.Equal("#annonces est exclu du résumé quotidien.", (string)answer["data"]!["content"]!);
        var entry = app.Get<ChannelListStore>().Find(ulong.Parse(Annonces, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(entry);
        Assert.True(entry.Excluded);
        Assert.Equal("annonces", entry.Name);
        Assert.Equal("Camille", entry.ChangedBy);
        Assert.Equal(ulong.Parse(Payloads.MemberId, System.Globalization.CultureInfo.InvariantCulture), entry.ChangedById);
        Assert.True(TimeProvider.System.GetUtcNow() - entry.ChangedAt < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Exclude_twice_says_it_was_already_excluded()
    {
        await using var app = new TestApp();
        await ExcludeAsync(app, Annonces, "annonces");

        var answer = await ExcludeAsync(app, Annonces, "annonces", locale: "en-GB");

        Assert.Equal("#annonces was already left out of the digest.", (string)answer["data"]!["content"]!);
    }

    [Theory]
    [InlineData("exclude")]
    [InlineData("include")]
    public async Task A_member_without_manage_server_is_refused_and_nothing_changes(string command)
    {
        await using var app = new TestApp();
        await ExcludeAsync(app, Annonces, "annonces");
        var options = command == "exclude" ? Payloads.ChannelOption(General) : Payloads.StringOption("channel", Annonces);

        var answer = await SendAsync(app, Payloads.Command(command, options, Payloads.MemberPermissions, resolvedChannels: Payloads.ResolvedChannel(General, "general")));

        Assert.Equal(64, (int)answer["data"]!["flags"]!);
        Assert.Contains("Gérer le serveur", (string)answer["data"]!["content"]!, StringComparison.Ordinal);
        var lists = app.Get<ChannelListStore>();
        Assert.Equal([Annonces], lists.Excluded().Select(e => e.ChannelId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task An_administrator_without_manage_server_may_exclude()
    {
        await using var app = new TestApp();

        var answer = await SendAsync(app, Payloads.Command("exclude", Payloads.ChannelOption(General), permissions: "8", resolvedChannels: Payloads.ResolvedChannel(General, "general")));

        Assert.Contains("exclu", (string)answer["data"]!["content"]!, StringComparison.Ordinal);
        Assert.True(app.Get<ChannelListStore>().IsExcluded(ulong.Parse(General, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(14)]
    public async Task Exclude_refuses_a_channel_a_digest_cannot_read(int type)
    {
        await using var app = new TestApp();

        var answer = await SendAsync(app, Payloads.Command("exclude", Payloads.ChannelOption(Voice), resolvedChannels: Payloads.ResolvedChannel(Voice, "vocal", type)));

        Assert.Contains("Seuls les salons textuels, d'annonces, vocaux", (string)answer["data"]!["content"]!, StringComparison.Ordinal);
        Assert.Empty(app.Get<ChannelListStore>().Excluded());
    }

    [Fact]
    public async Task Include_brings_back_an_excluded_channel()
    {
        await using var app = new TestApp();
        await ExcludeAsync(app, Annonces, "annonces");

        var answer = await SendAsync(app, Payloads.Command("include", Payloads.StringOption("channel", Annonces)));

        Assert.Equal("#annonces revient dans le résumé quotidien.", (string)answer["data"]!["content"]!);
        Assert.False(app.Get<ChannelListStore>().IsExcluded(ulong.Parse(Annonces, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("ANNONCES")]
    [InlineData("#annonces")]
    public async Task Include_accepts_a_typed_name_when_no_suggestion_was_picked(string typed)
    {
        await using var app = new TestApp();
        await ExcludeAsync(app, Annonces, "annonces");

        var answer = await SendAsync(app, Payloads.Command("include", Payloads.StringOption("channel", typed)));

        Assert.Contains("revient", (string)answer["data"]!["content"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Include_of_something_not_excluded_explains_and_changes_nothing()
    {
        await using var app = new TestApp();
        await ExcludeAsync(app, Annonces, "annonces");

        var byName = await SendAsync(app, Payloads.Command("include", Payloads.StringOption("channel", "<script>nowhere")));
        var byId = await SendAsync(app, Payloads.Command("include", Payloads.StringOption("channel", General)));

        Assert.Contains("Aucun salon exclu ne correspond", (string)byName["data"]!["content"]!, StringComparison.Ordinal);
        Assert.Contains("\\<script\\>nowhere", (string)byName["data"]!["content"]!, StringComparison.Ordinal);
        Assert.Contains("n'était pas exclu", (string)byId["data"]!["content"]!, StringComparison.Ordinal);
        Assert.Single(app.Get<ChannelListStore>().Excluded());
    }

    [Fact]
    public async Task Include_autocomplete_matches_excluded_channels_without_regard_to_case_or_accents()
    {
        await using var app = new TestApp();
        await ExcludeAsync(app, Evenements, "événements");
        await ExcludeAsync(app, Annonces, "annonces");
        await ExcludeAsync(app, General, "Général");

        var answer = await SendAsync(app, Payloads.Autocomplete("include", "channel", "EVE"));

        Assert.Equal(8, (int)answer["type"]!);
        var choice = Assert.Single(answer["data"]!["choices"]!.AsArray());
        Assert.Equal("#événements", (string)choice!["name"]!);
        Assert.Equal(Evenements, (string)choice["value"]!);
    }

    [Fact]
    public async Task Include_autocomplete_offers_at_most_25_choices()
    {
        await using var app = new TestApp();
        var lists = app.Get<ChannelListStore>();
        for (var i = 0; i < 30; i++)
        {
            lists.SetExcluded(1300000000000001000UL + (ulong)i, $"salon-{i:00}", excluded: true, new Actor(1, "test"));
        }

        var all = await SendAsync(app, Payloads.Autocomplete("include", "channel", ""));
        var some = await SendAsync(app, Payloads.Autocomplete("include", "channel", "salon-1"));

        Assert.Equal(IncludeCommand.MaxChoices, all["data"]!["choices"]!.AsArray().Count);
        Assert.Equal(10, some["data"]!["choices"]!.AsArray().Count);
        Assert.All(some["data"]!["choices"]!.AsArray(), c => Assert.StartsWith("#salon-1", (string)c!["name"]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_interaction_from_another_server_is_refused()
    {
        await using var app = new TestApp();

        var command = await SendAsync(app, Payloads.Command("exclude", Payloads.ChannelOption(General), guildId: "1399999999999999999", resolvedChannels: Payloads.ResolvedChannel(General, "general")));
        var autocomplete = await SendAsync(app, Payloads.Autocomplete("include", "channel", "", guildId: "1399999999999999999"));
        var direct = await SendAsync(app, Payloads.Command("channels", guildId: null));

        Assert.Equal(64, (int)command["data"]!["flags"]!);
        Assert.Contains("un seul serveur", (string)command["data"]!["content"]!, StringComparison.Ordinal);
        Assert.Empty(autocomplete["data"]!["choices"]!.AsArray());
        Assert.Contains("un seul serveur", (string)direct["data"]!["content"]!, StringComparison.Ordinal);
        Assert.Empty(app.Get<ChannelListStore>().Excluded());
    }

    [Fact]
    public async Task Without_a_configured_server_commands_say_the_bot_is_not_configured()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Discord:GuildId"] = "" });

        var answer = await SendAsync(app, Payloads.Command("channels"));

        Assert.Contains("Discord:GuildId", (string)answer["data"]!["content"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_gets_an_ephemeral_message()
    {
        await using var app = new TestApp();

        var answer = await SendAsync(app, Payloads.Command("dance", locale: "en-US"));

        Assert.Equal(64, (int)answer["data"]!["flags"]!);
        Assert.Contains("don't know this command", (string)answer["data"]!["content"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_handler_becomes_a_logged_error_and_an_ephemeral_message()
    {
        await using var app = new TestApp(configureServices: services => services.AddSingleton<ISlashCommand, ThrowingCommand>());

        var answer = await SendAsync(app, Payloads.Command("boom"));

        Assert.Equal(64, (int)answer["data"]!["flags"]!);
        Assert.Contains("Quelque chose s'est mal passé", (string)answer["data"]!["content"]!, StringComparison.Ordinal);
        Assert.Contains(app.Logs.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error && l.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task A_locale_other_than_french_or_english_gets_the_configured_language()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Digest:Language"] = "en" });

        var dutch = await SendAsync(app, Payloads.Command("dance", locale: "nl"));
        var french = await SendAsync(app, Payloads.Command("dance", locale: "fr"));

        Assert.Contains("don't know", (string)dutch["data"]!["content"]!, StringComparison.Ordinal);
        Assert.Contains("ne connais pas", (string)french["data"]!["content"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lists_survive_a_restart()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Discord:BotToken"] = "" });
        await ExcludeAsync(app, Annonces, "annonces");

        await app.RestartAsync();
        var answer = await SendAsync(app, Payloads.Command("channels"));

        Assert.Contains("Salons non envoyés (1)**\u00a0: #annonces", (string)answer["data"]!["content"]!, StringComparison.Ordinal);
    }

    internal static Task<JsonNode> ExcludeAsync(TestApp app, string channelId, string name, string locale = "fr") =>
        SendAsync(app, Payloads.Command("exclude", Payloads.ChannelOption(channelId), locale: locale, resolvedChannels: Payloads.ResolvedChannel(channelId, name)));

    internal static async Task<JsonNode> SendAsync(TestApp app, JsonObject interaction)
    {
        using var response = await app.Client.PostAsync(app.Keys, interaction.ToJsonString(), Token);
        return await InteractionEndpointTests.ReadAnswerAsync(response);
    }

    private static void StubServer(GuildFake discord) => discord.StubGuildChannels(
    [
        Payloads.GuildChannel(Category, "Coalition", 4, 0),
        Payloads.GuildChannel(Annonces, "annonces", 5, 1, Category),
        Payloads.GuildChannel(General, "general", 0, 0, Category),
        Payloads.GuildChannel(Evenements, "événements", 15, 2, Category),
        Payloads.GuildChannel(Voice, "vocal", 2, 3, Category),
    ]);

    private sealed class ThrowingCommand : ISlashCommand
    {
        public string Name => "boom";

        public ValueTask<CommandReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("handler failure");
    }
}
