using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoalitionBot.Discord;
using CoalitionBot.Interactions;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Interactions;

public sealed partial class CommandRegistrationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static JsonArray CatalogJson() =>
        JsonNode.Parse(JsonSerializer.Serialize(CommandCatalog.All, DiscordJsonContext.Default.IReadOnlyListApplicationCommand))!.AsArray();

    [Fact]
    public void The_catalog_matches_discords_schema_for_a_bulk_overwrite()
    {
        // Discord documents default_member_permissions as a string bitfield (what we send, and what
        // its answers carry); its OpenAPI request schema alone types it as an integer. Everything
        // else is checked as sent.
        var catalog = CatalogJson();
        foreach (var command in catalog.Select(c => c!.AsObject()).Where(c => c.ContainsKey("default_member_permissions")))
        {
            command["default_member_permissions"] = ulong.Parse((string)command["default_member_permissions"]!, System.Globalization.CultureInfo.InvariantCulture);
        }

        var body = catalog.ToJsonString();

        OpenApiSchemas.AssertValid(OpenApiSchemas.RequestBody("/applications/{application_id}/guilds/{guild_id}/commands", "put"), body, "command registration");
    }

    [Fact]
    public void Every_name_and_description_obeys_discords_rules_in_every_language()
    {
        foreach (var command in CatalogJson().Select(c => c!.AsObject()))
        {
            AssertNamed(command, isCommand: true);
            var localizedOptionNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var option in command["options"]?.AsArray().Select(o => o!.AsObject()) ?? [])
            {
                AssertNamed(option, isCommand: false);
                Assert.True(localizedOptionNames.Add((string)option["name"]!), "option names must be unique");
            }
        }
    }

    [Fact]
    public void Moderator_commands_require_manage_server_as_a_string_bitfield()
    {
        var commands = CatalogJson().ToDictionary(c => (string)c!["name"]!, c => c!.AsObject());

        Assert.Equal("32", (string)commands["exclude"]["default_member_permissions"]!);
        Assert.Equal("32", (string)commands["include"]["default_member_permissions"]!);
        Assert.False(commands["channels"].ContainsKey("default_member_permissions"));
        Assert.All(commands.Values, c => Assert.Equal("[0]", c["contexts"]!.ToJsonString()));
        Assert.Equal("32", (string)commands["important"]["default_member_permissions"]!);
        Assert.Equal("32", (string)commands["audience"]["default_member_permissions"]!);
        Assert.Equal("[0,5,2,13,15]", commands["exclude"]["options"]![0]!["channel_types"]!.ToJsonString());
        Assert.Equal("[0,5,2,13,15]", commands["important"]["options"]![0]!["channel_types"]!.ToJsonString());
        // No channel: the one where the command is typed.
        Assert.False((bool)commands["exclude"]["options"]![0]!["required"]!);
        Assert.Equal(8, (int)commands["audience"]["options"]![0]!["type"]!);
        Assert.True((bool)commands["include"]["options"]![0]!["autocomplete"]!);
    }

    [Fact]
    public void Every_command_has_a_handler_and_every_handler_a_definition()
    {
        using var app = new TestAppSync();
        var handlers = app.App.Get<IEnumerable<ISlashCommand>>().Select(h => h.Name).Order();

        Assert.Equal(CommandCatalog.All.Select(c => c.Name).Order(), handlers);
    }

    [Fact]
    public async Task Register_commands_bulk_overwrites_the_servers_commands_with_the_bot_token()
    {
        await using var app = new TestApp();
        app.Discord.StubBulkOverwrite();

        var exitCode = await CommandRegistration.RunAsync(app.Services, Token);

        Assert.Equal(0, exitCode);
        var request = Assert.Single(app.Discord.Requests).RequestMessage;
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/api/v10/applications/{Payloads.ApplicationId}/guilds/{Payloads.GuildId}/commands", request.Path);
        Assert.Equal("Bot test-bot-token", request.Headers!["Authorization"].Single());
        Assert.StartsWith("DiscordBot (", request.Headers["User-Agent"].Single(), StringComparison.Ordinal);
        Assert.Equal(CatalogJson().ToJsonString(), JsonNode.Parse(request.Body!)!.ToJsonString());
        OpenApiSchemas.AssertValid(OpenApiSchemas.ResponseBody("/applications/{application_id}/guilds/{guild_id}/commands", "put"), Assert.Single(app.Discord.Requests).ResponseMessage.BodyData!.BodyAsString!, "registration answer");
        Assert.Contains(app.Logs.Lines, l => l.Message == $"{CommandCatalog.All.Count} commands registered on server {Payloads.GuildId}");
        Assert.DoesNotContain(app.Logs.Lines, l => l.Message.Contains("test-bot-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Register_commands_reports_a_refused_token_in_one_line_and_fails()
    {
        await using var app = new TestApp();
        app.Discord.StubBulkOverwrite(status: 401);

        var exitCode = await CommandRegistration.RunAsync(app.Services, Token);

        Assert.Equal(1, exitCode);
        Assert.Contains(app.Logs.Lines, l => l.Message.StartsWith("Commands not registered: Discord answered 401", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Register_commands_names_every_missing_setting()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Discord:BotToken"] = "", ["Discord:ApplicationId"] = "" });

        var exitCode = await CommandRegistration.RunAsync(app.Services, Token);

        Assert.Equal(1, exitCode);
        Assert.Contains(app.Logs.Lines, l => l.Message == "Commands not registered: Discord:ApplicationId, Discord:BotToken must be set");
        Assert.Empty(app.Discord.Requests);
    }

    private static void AssertNamed(JsonObject item, bool isCommand)
    {
        var names = new List<string> { (string)item["name"]! };
        names.AddRange(item["name_localizations"]!.AsObject().Select(p => (string)p.Value!));
        foreach (var name in names)
        {
            Assert.Matches(NameRule(), name);
            Assert.Equal(name.ToLowerInvariant(), name);
        }

        var descriptions = new List<string> { (string)item["description"]! };
        descriptions.AddRange(item["description_localizations"]!.AsObject().Select(p => (string)p.Value!));
        Assert.All(descriptions, d => Assert.InRange(d.Length, 1, 100));
        Assert.Equal(["en-GB", "en-US", "fr"], item["name_localizations"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(["en-GB", "en-US", "fr"], item["description_localizations"]!.AsObject().Select(p => p.Key).Order());
        _ = isCommand;
    }

    // Discord's rule is ^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$; .NET has no script classes,
    // and our names use neither script.
    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$")]
    private static partial Regex NameRule();

    private sealed class TestAppSync : IDisposable
    {
        public TestApp App { get; } = new();

        public void Dispose() => App.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
