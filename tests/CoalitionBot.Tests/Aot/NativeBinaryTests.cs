using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using CoalitionBot.Discord;
using CoalitionBot.Interactions;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using WireMock.Matchers;
using WireMock.RequestBuilders;

namespace CoalitionBot.Tests.Aot;

/// The published native AOT binary, the build the Docker image ships, run as a real process against
/// real parts: WireMock playing Discord, aiosmtpd receiving the mail, LiteDB on disk, Ed25519
/// signatures. Trimming and AOT break things at run time only, so each path is driven here, one
/// process start per scenario.
[Collection(NativeBinaryGroup.Name)]
[Trait("Category", "Process")]
public sealed class NativeBinaryTests(NativeBinary binary)
{
    private const string AdminToken = "an-admin-token-for-the-native-binary";
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Signed_commands_change_the_channel_lists_and_a_restart_keeps_them()
    {
        using var guild = new GuildFake();
        var sample = new SampleGuild(guild);
        guild.Map();
        guild.Answer(
            Request.Create().WithPath(new WildcardMatcher($"{GuildFake.ApiPath}/webhooks/{Payloads.ApplicationId}/*/messages/@original")).UsingPatch(),
            _ => GuildFake.Ok(new JsonObject { ["id"] = "1417203399200000000" }));
        using var keys = new TestKeys();
        using var folder = new TempDirectory("coalitionbot-aot-commands-");
        var data = folder.Path;
        var settings = Settings(data, guild, keys);
        var guildId = Payloads.Id(guild.Guild);
        var annonces = Payloads.Id(sample.Announcements.Id);
        var general = Payloads.Id(sample.General.Id);

        await using (var bot = await NativeBot.ServeAsync(binary.Path, data, settings, Token))
        {
            using var pong = await bot.Client.PostAsync(keys, Payloads.Ping(), Token);
            using var tampered = Tampered(keys, Payloads.Ping());
            using var refused = await bot.Client.SendAsync(tampered, Token);
            var excluded = await CommandAsync(bot, keys, Payloads.Command("exclude", Payloads.ChannelOption(annonces), guildId: guildId, resolvedChannels: Payloads.ResolvedChannel(annonces, "annonces", 5)));
            var day = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), Brussels).ToString("d MMMM yyyy", French);
            await CommandAsync(bot, keys, Payloads.Command("exclude", Payloads.ChannelOption(general), guildId: guildId, resolvedChannels: Payloads.ResolvedChannel(general, "général")));
            var deferred = await CommandAsync(bot, keys, Payloads.Command("channels", guildId: guildId));
            var listed = await EditedContentAsync(guild, 1);
            var included = await CommandAsync(bot, keys, Payloads.Command("include", Payloads.StringOption("channel", annonces), guildId: guildId));

            Assert.Equal(HttpStatusCode.OK, pong.StatusCode);
            Assert.Equal("""{"type":1}""", await pong.Content.ReadAsStringAsync(Token));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("#annonces est exclu du résumé quotidien.", (string)excluded["data"]!["content"]!);
            Assert.Equal(5, (int)deferred["type"]!);
            Assert.Contains("Salons non envoyés (2)", listed, StringComparison.Ordinal);
            Assert.Contains($"#annonces (exclu par Camille, le {day})", listed, StringComparison.Ordinal);
            Assert.Equal("#annonces revient dans le résumé quotidien.", (string)included["data"]!["content"]!);
            await bot.StopCleanlyAsync(Token);
        }

        await using (var restarted = await NativeBot.ServeAsync(binary.Path, data, settings, Token))
        {
            await CommandAsync(restarted, keys, Payloads.Command("channels", guildId: guildId));
            var listed = await EditedContentAsync(guild, 2);
            var suggestions = await CommandAsync(restarted, keys, Payloads.Autocomplete("include", "channel", "GEN", guildId: guildId));

            Assert.Contains("Salons non envoyés (1)", listed, StringComparison.Ordinal);
            Assert.Contains("#général (exclu par Camille", listed, StringComparison.Ordinal);
            Assert.DoesNotContain("#annonces (exclu par", listed, StringComparison.Ordinal);
            var choice = Assert.Single(suggestions["data"]!["choices"]!.AsArray());
            Assert.Equal(general, (string)choice!["value"]!);

            // /report draws its chart with SkiaSharp's native library, loaded beside the AOT binary.
            await CommandAsync(restarted, keys, Payloads.Command("report", Payloads.StringOption("period", "week"), guildId: guildId));
            var (payload, png) = await EditedWithFileAsync(guild, 3);
            Assert.Equal("attachment://activity.png", (string)payload["embeds"]![0]!["image"]!["url"]!);
            var image = PngImage.Decode(png);
            Assert.Equal((800, 300), (image.Width, image.Height));
            Assert.True(image.DistinctColours() > 2, "the chart is blank");
            await restarted.StopCleanlyAsync(Token);
        }

        Assert.Empty(guild.UnmatchedRequests);
    }

    [Fact]
    public async Task A_poll_stores_every_message_once_and_the_days_digest_reaches_the_smtp_server()
    {
        using var guild = new GuildFake();
        var camille = guild.AddUser("camille", "Camille", "Cam (bureau)");
        var jules = guild.AddUser("jules", "Jules");
        var yesterday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(guild.Now, Brussels).DateTime).AddDays(-1);
        var noon = new DateTimeOffset(yesterday.ToDateTime(new TimeOnly(12, 0)), Brussels.GetUtcOffset(yesterday.ToDateTime(new TimeOnly(12, 0))));
        var bureau = guild.AddChannel("bureau");
        var day = guild.AddMessages(bureau, 12, noon, camille, jules);
        var minutes = guild.Add(new FakeMessage(guild.Snowflake(noon.AddHours(2)), bureau.Id, jules, "Le compte rendu est en ligne", noon.AddHours(2))
        {
            Type = 19,
            ReplyTo = day[0].Id,
            Mentions = [camille],
            Attachments = [new FakeAttachment(guild.Snowflake(noon.AddHours(2)), "compte-rendu.pdf", 91234, "application/pdf")],
            Embeds = [new FakeEmbed("Agenda", "https://example.org/agenda")],
            Reactions = [new FakeReaction("👍", 4)],
        });
        // Digest:ServerName is left empty: the subject carries the name the poll read from Discord.
        guild.Name = "Coalition FFJ (test)";
        guild.Map();
        using var folder = new TempDirectory("coalitionbot-aot-digest-");
        var data = folder.Path;
        await using var smtp = await AiosmtpdServer.StartAsync(data, Token);
        var settings = Settings(data, guild);
        settings["Smtp:Host"] = "127.0.0.1";
        settings["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        settings["Smtp:Security"] = "None";
        settings["Digest:To"] = "liste@coalition.example";
        settings["Digest:From"] = "Coalition FFJ <bot@coalition.example>";
        // Not due today before 23:59, so the start-up catch-up leaves yesterday to the admin API.
        settings["Digest:SendAt"] = "23:59";
        var date = yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await using (var bot = await NativeBot.ServeAsync(binary.Path, data, settings, Token))
        {
            bot.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
            await WaitForScheduledPollAsync(bot);
            var poll = await SendJsonAsync(bot, HttpMethod.Post, "/admin/api/poll", null);
            var sent = await SendJsonAsync(bot, HttpMethod.Post, "/admin/api/digests", new JsonObject { ["date"] = date, ["resend"] = true });
            var record = await SendJsonAsync(bot, HttpMethod.Get, $"/admin/api/digests/{date}", null);
            await SendJsonAsync(bot, HttpMethod.Put, "/admin/api/switches", new JsonObject { ["weeklySynthesis"] = true });
            var switches = await SendJsonAsync(bot, HttpMethod.Get, "/admin/api/switches", null);
            var status = await SendJsonAsync(bot, HttpMethod.Get, "/admin/api/status", null);
            var audit = await SendJsonAsync(bot, HttpMethod.Get, "/admin/api/audit?count=5", null);

            Assert.Equal("completed", (string)poll["outcome"]!);
            // The audit trail, written to LiteDB and read back as source-generated JSON by the native build.
            Assert.Equal(["switches:token", "digest-resent:token", "poll-now:token"], audit.AsArray().Select(e => $"{e!["kind"]}:{e["actor"]}"));
            Assert.Equal(("weeklySynthesis=on", date), ((string)audit[0]!["detail"]!, (string)audit[1]!["targetId"]!));
            Assert.Equal("Sent", (string)sent["outcome"]!);
            Assert.Equal(13, (int)sent["messages"]!);
            Assert.Contains("compte-rendu.pdf", (string)record["html"]!, StringComparison.Ordinal);
            Assert.True((bool)switches["weeklySynthesis"]!);
            Assert.Contains(status["sections"]!["polling"]!["channels"]!.AsArray(), c => (string)c!["name"]! == "bureau" && c["readUpTo"] is not null);
            Assert.Equal(date, (string)status["sections"]!["digest"]!["recent"]![0]!["id"]!);
            await bot.StopCleanlyAsync(Token);
        }

        using (var database = OpenDatabase(data))
        {
            var messages = new MessageStore(database);
            Assert.Equal(guild.AllMessages.Select(m => m.Id).Order(), messages.InPeriod(DateTimeOffset.MinValue, DateTimeOffset.MaxValue).Select(m => m.Id));
            var stored = messages.Find(minutes.Id)!;
            Assert.Equal(("compte-rendu.pdf", 91234L), (stored.Attachments.Single().FileName, stored.Attachments.Single().Size));
            Assert.Equal(4, stored.Reactions.Single().Count);
            Assert.Equal("Agenda", stored.Embeds.Single().Title);
            Assert.Equal(camille.Id, stored.MentionedUsers.Single().Id);
            Assert.Equal(day[0].Id, stored.ReplyToMessageId);
            Assert.Equal("Coalition FFJ (test)", new CursorStore(database, TimeProvider.System).ServerName);
        }

        // One mail, unless the test ran in the minute after 23:59 and the catch-up sent the day first.
        Assert.Contains(smtp.Messages(), mail =>
            (mail.Subject ?? "").StartsWith("[Coalition FFJ (test)] ", StringComparison.Ordinal)
            && (mail.Subject ?? "").Contains(yesterday.ToString("dddd d MMMM yyyy", French), StringComparison.Ordinal)
            && (mail.TextBody ?? "").Contains("message 7 in bureau", StringComparison.Ordinal)
            && (mail.HtmlBody ?? "").Contains("compte-rendu.pdf", StringComparison.Ordinal));
        var (exit, output) = await NativeBot.RunAsync(binary.Path, data, settings, ["digest", "--preview", "--date", date], Token);
        Assert.True(exit == 0, output);
        var preview = Path.Combine(data, "data", "outbox", $"preview-{date}.html");
        Assert.Contains(preview, output, StringComparison.Ordinal);
        var previewHtml = await File.ReadAllTextAsync(preview, Token);
        Assert.Contains("compte-rendu.pdf", previewHtml, StringComparison.Ordinal);
        // The name read by the poll was kept in the database across the restart.
        Assert.Contains("Coalition FFJ (test)", previewHtml, StringComparison.Ordinal);
        Assert.Empty(guild.UnmatchedRequests);
    }

    [Fact]
    public async Task The_admin_page_openapi_and_healthz_are_served_and_the_key_ring_survives_a_restart()
    {
        using var folder = new TempDirectory("coalitionbot-aot-admin-");
        var data = folder.Path;
        var settings = Settings(data);
        string antiforgery;
        string formToken;

        await using (var bot = await NativeBot.ServeAsync(binary.Path, data, settings, Token))
        {
            using var health = await bot.Client.GetAsync(new Uri("/healthz", UriKind.Relative), Token);
            var healthJson = JsonNode.Parse(await health.Content.ReadAsStringAsync(Token))!;
            using var openApi = await bot.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Token);
            var paths = JsonNode.Parse(await openApi.Content.ReadAsStringAsync(Token))!["paths"]!.AsObject();
            using var signIn = await bot.Client.GetAsync(new Uri("/admin", UriKind.Relative), Token);
            antiforgery = Cookie(signIn, "coalitionbot_antiforgery");
            formToken = LoginFormToken(await signIn.Content.ReadAsStringAsync(Token));
            using var login = await SignInAsync(bot, antiforgery, formToken);
            using var dashboardRequest = new HttpRequestMessage(HttpMethod.Get, "/admin");
            dashboardRequest.Headers.Add("Cookie", Cookie(login, "coalitionbot_admin"));
            using var dashboard = await bot.Client.SendAsync(dashboardRequest, Token);
            var page = new HtmlParser().ParseDocument(await dashboard.Content.ReadAsStringAsync(Token));

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("healthy", (string)healthJson["status"]!);
            Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
            Assert.Contains("/admin/api/poll", paths.Select(p => p.Key));
            Assert.Contains("/admin/api/digests", paths.Select(p => p.Key));
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            Assert.NotNull(page.QuerySelector("form[action='/admin/restart']"));
            await bot.StopCleanlyAsync(Token);
        }

        // The anti-forgery pair of the first process is accepted only if its key ring was read back.
        await using (var restarted = await NativeBot.ServeAsync(binary.Path, data, settings, Token))
        {
            using var login = await SignInAsync(restarted, antiforgery, formToken);

            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.StartsWith("coalitionbot_admin=", Cookie(login, "coalitionbot_admin"), StringComparison.Ordinal);
            await restarted.StopCleanlyAsync(Token);
        }
    }

    [Fact]
    public async Task Register_commands_puts_the_same_catalog_as_the_jit_build()
    {
        using var discord = new GuildFake();
        discord.StubBulkOverwrite();
        using var folder = new TempDirectory("coalitionbot-aot-register-");
        var data = folder.Path;
        var settings = Settings(data);
        settings["Discord:ApiBaseUrl"] = discord.BaseUrl;
        settings["Discord:BotToken"] = GuildFake.Token;

        var (exit, output) = await NativeBot.RunAsync(binary.Path, data, settings, [CommandRegistration.Verb], Token);

        Assert.True(exit == 0, output);
        var put = Assert.Single(discord.Requests, e => e.RequestMessage.Method == "PUT");
        Assert.Equal("Bot " + GuildFake.Token, put.RequestMessage.Headers!["Authorization"].Single());
        var expected = JsonNode.Parse(JsonSerializer.Serialize(CommandCatalog.All, DiscordJsonContext.Default.IReadOnlyListApplicationCommand));
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(put.RequestMessage.Body!)), put.RequestMessage.Body);
        discord.AssertNoUnexpectedRequests();
    }

    [Fact]
    public async Task Digest_preview_of_the_sample_server_writes_html_and_text()
    {
        using var folder = new TempDirectory("coalitionbot-aot-preview-");
        var data = folder.Path;

        var (exit, output) = await NativeBot.RunAsync(binary.Path, data, Settings(data), ["digest", "--preview", "--sample", "--date", "2026-11-23"], Token);

        Assert.True(exit == 0, output);
        Assert.Contains("[Coalition FFJ] Résumé du lundi 23 novembre 2026", output, StringComparison.Ordinal);
        var outbox = Path.Combine(data, "data", "outbox");
        Assert.Contains("Résumé du lundi 23 novembre 2026", await File.ReadAllTextAsync(Path.Combine(outbox, "preview-2026-11-23-sample.html"), Token), StringComparison.Ordinal);
        Assert.Contains("★ #annonces", await File.ReadAllTextAsync(Path.Combine(outbox, "preview-2026-11-23-sample.txt"), Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_setting_stops_the_binary_with_exit_code_1_and_one_line_naming_the_key()
    {
        using var folder = new TempDirectory("coalitionbot-aot-config-");
        var data = folder.Path;
        var settings = Settings(data);
        settings["Discord:PublicKey"] = "0123";

        var (exit, output) = await NativeBot.RunAsync(binary.Path, data, settings, [], Token);

        Assert.True(exit == 1, output);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Configuration error: Discord:PublicKey must be the application's public key", line, StringComparison.Ordinal);
    }

    /// Storage in the scenario's folder, the admin token, and Discord played by the fake guild when there is one.
    private static Dictionary<string, string?> Settings(string data, GuildFake? guild = null, TestKeys? keys = null) => new()
    {
        ["Storage:Path"] = Path.Combine(data, "data", "coalitionbot.db"),
        ["Admin:Token"] = AdminToken,
        ["Discord:ApplicationId"] = Payloads.ApplicationId,
        ["Discord:GuildId"] = guild is null ? Payloads.GuildId : Payloads.Id(guild.Guild),
        ["Discord:BotToken"] = guild is null ? "" : GuildFake.Token,
        ["Discord:ApiBaseUrl"] = guild?.BaseUrl ?? "http://127.0.0.1:9/api/v10",
        ["Discord:PublicKey"] = keys?.PublicKeyHex ?? "",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private static HttpRequestMessage Tampered(TestKeys keys, string body)
    {
        var timestamp = TestKeys.Now();
        var signature = keys.Sign(timestamp, Encoding.UTF8.GetBytes(body));
        var request = SignedRequests.WithoutSignature(Encoding.UTF8.GetBytes(body.Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal)));
        request.Headers.Add("X-Signature-Ed25519", signature);
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }

    private static async Task<JsonNode> CommandAsync(NativeBot bot, TestKeys keys, JsonObject interaction)
    {
        using var response = await bot.Client.PostAsync(keys, interaction.ToJsonString(), Token);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}\n{bot.Output}");
        return JsonNode.Parse(body)!;
    }

    /// The content of the <paramref name="count"/>th edit of a deferred answer, once Discord received it.
    private static async Task<string> EditedContentAsync(GuildFake guild, int count)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        while (guild.Server.LogEntries.Count(e => e.RequestMessage.Method == "PATCH") < count)
        {
            await Task.Delay(20, timeout.Token);
        }

        var edit = guild.Server.LogEntries.Where(e => e.RequestMessage.Method == "PATCH").OrderBy(e => e.RequestMessage.DateTime).ElementAt(count - 1);
        return (string)JsonNode.Parse(edit.RequestMessage.Body!)!["content"]!;
    }

    /// The <paramref name="count"/>th edit, sent as multipart: its payload_json and its files[0].
    private static async Task<(JsonNode Payload, byte[] File)> EditedWithFileAsync(GuildFake guild, int count)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        while (guild.Server.LogEntries.Count(e => e.RequestMessage.Method == "PATCH") < count)
        {
            await Task.Delay(20, timeout.Token);
        }

        var edit = guild.Server.LogEntries.Where(e => e.RequestMessage.Method == "PATCH").OrderBy(e => e.RequestMessage.DateTime).ElementAt(count - 1);
        var type = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.Parse(edit.RequestMessage.Headers!["Content-Type"].Single());
        var reader = new Microsoft.AspNetCore.WebUtilities.MultipartReader(
            Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(type.Boundary).Value!, new MemoryStream(edit.RequestMessage.BodyAsBytes!));
        var parts = new Dictionary<string, byte[]>();
        while (await reader.ReadNextSectionAsync(Token) is { } section)
        {
            using var body = new MemoryStream();
            await section.Body.CopyToAsync(body, Token);
            var name = Microsoft.Net.Http.Headers.ContentDispositionHeaderValue.Parse(section.ContentDisposition).Name;
            parts[Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(name).Value!] = body.ToArray();
        }

        return (JsonNode.Parse(parts["payload_json"])!, parts["files[0]"]);
    }

    /// Quartz polls once at start: the status shows a last poll once its job has run.
    private static async Task WaitForScheduledPollAsync(NativeBot bot)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while ((await SendJsonAsync(bot, HttpMethod.Get, "/admin/api/status", null))["sections"]?["polling"]?["lastPoll"] is null)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private static async Task<JsonNode> SendJsonAsync(NativeBot bot, HttpMethod method, string path, JsonObject? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await bot.Client.SendAsync(request, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path}: {(int)response.StatusCode} {text}\n{bot.Output}");
        return JsonNode.Parse(text)!;
    }

    private static async Task<HttpResponseMessage> SignInAsync(NativeBot bot, string antiforgery, string formToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = AdminToken, ["__token"] = formToken }),
        };
        request.Headers.Add("Cookie", antiforgery);
        return await bot.Client.SendAsync(request, Token);
    }

    /// "name=value" of a cookie the response sets.
    private static string Cookie(HttpResponseMessage response, string name)
    {
        var header = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(name + "=", StringComparison.Ordinal));
        return header.Split(';')[0];
    }

    private static string LoginFormToken(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("form[action='/admin/login'] input[name=__token]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("no anti-forgery field in the sign-in form:\n" + html);

    private static Database OpenDatabase(string data) =>
        new(Microsoft.Extensions.Options.Options.Create(new StorageOptions { Path = Path.Combine(data, "data", "coalitionbot.db") }), NullLogger<Database>.Instance);
}
