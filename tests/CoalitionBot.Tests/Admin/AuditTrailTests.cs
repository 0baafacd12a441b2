using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Admin;

/// Issue 16, point 3: every change is recorded by name, the same way from the admin API, the
/// page and the slash commands, and GET /admin/api/audit gives the trail.
public sealed class AuditTrailTests
{
    private const string Channel = "1300000000000000201";
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_trail_keeps_the_last_2000_changes_newest_first()
    {
        await using var app = new TestApp(AdminApiTests.Enabled());
        var audit = app.Get<AuditTrail>();

        for (var i = 1; i <= AuditTrail.Capacity + 50; i++)
        {
            audit.Record(new Actor((ulong)i, "Membre " + i), AuditKinds.Excluded, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var kept = audit.Latest(AuditTrail.Capacity + 100);
        Assert.Equal(AuditTrail.Capacity, audit.Count());
        Assert.Equal(AuditTrail.Capacity, kept.Count);
        Assert.Equal("Membre 2050", kept[0].Actor);
        Assert.Equal("Membre 51", kept[^1].Actor);
        Assert.Equal(3, audit.Latest(3).Count);
    }

    [Theory]
    [InlineData("Cam (modé)", "Camille", "camille", "Cam (modé)")]
    [InlineData(null, "Camille", "camille", "Camille")]
    [InlineData(" ", "", "camille", "camille")]
    [InlineData(null, null, null, "?")]
    public void A_member_is_named_as_the_server_shows_them(string? nick, string? globalName, string? username, string expected)
    {
        Assert.Equal(new Actor(42, expected), Actor.Member(42, nick, globalName, username));
    }

    [Fact]
    public async Task Api_changes_are_recorded_as_the_token_with_what_changed()
    {
        await using var app = new TestApp(AdminApiTests.Enabled());
        using var api = app.CreateClient();

        await SendAsync(api, HttpMethod.Post, $"/admin/api/channels/{Channel}/exclude", null);
        await SendAsync(api, HttpMethod.Post, $"/admin/api/channels/{Channel}/important", new JsonObject { ["important"] = true });
        await SendAsync(api, HttpMethod.Put, "/admin/api/switches", new JsonObject { ["dailyMail"] = false, ["abstracts"] = true, ["summaries"] = true });
        // Nothing moves: nothing is recorded.
        await SendAsync(api, HttpMethod.Put, "/admin/api/switches", new JsonObject { ["dailyMail"] = false });
        await SendAsync(api, HttpMethod.Put, "/admin/api/audience", new JsonObject { ["role"] = "@everyone" });
        using var poll = new HttpRequestMessage(HttpMethod.Post, "/admin/api/poll");
        poll.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminApiTests.AdminToken);
        using var pollOff = await api.SendAsync(poll, Token);
        await SendAsync(api, HttpMethod.Delete, "/admin/api/sessions", null);
        var trail = (await SendAsync(api, HttpMethod.Get, "/admin/api/audit?count=50", null)).AsArray();
        var one = (await SendAsync(api, HttpMethod.Get, "/admin/api/audit?count=1", null)).AsArray();

        Assert.Equal(HttpStatusCode.Conflict, pollOff.StatusCode);
        Assert.Equal(["sessions-revoked", "poll-now", "audience", "switches", "important", "excluded"], trail.Select(e => (string)e!["kind"]!));
        Assert.Equal("La collecte est arrêtée : Discord:BotToken et Discord:GuildId sont nécessaires.", (string)trail[1]!["detail"]!);
        Assert.All(trail, e => Assert.Equal(("token", null), ((string)e!["actor"]!, (string?)e["actorId"])));
        Assert.Equal("dailyMail=off;abstracts=on", (string)trail[3]!["detail"]!);
        Assert.Equal((Channel, "excluded"), ((string)trail[5]!["targetId"]!, (string)trail[5]!["kind"]!));
        Assert.Equal("@everyone", (string)trail[2]!["target"]!);
        Assert.Equal("0", (string)trail[0]!["detail"]!);
        Assert.Equal("sessions-revoked", (string)Assert.Single(one)!["kind"]!);
        // The lists and the audience name the same actor, at the same time, as the trail.
        var entry = app.Get<ChannelListStore>().Find(ulong.Parse(Channel, System.Globalization.CultureInfo.InvariantCulture))!;
        Assert.Equal(("token", (ulong?)null), (entry.ChangedBy, entry.ChangedById));
        Assert.Equal(DateTimeOffset.Parse((string)trail[4]!["at"]!, System.Globalization.CultureInfo.InvariantCulture), entry.ChangedAt);
        Assert.Equal("token", app.Get<SettingsStore>().Audience()!.ChangedBy);
    }

    [Fact]
    public async Task Page_changes_by_a_signed_in_discord_moderator_are_recorded_under_their_name_and_id()
    {
        await using var app = DigestFixtures.App(DigestHarness.Local(Monday.AddDays(1), 9));
        app.Get<ChannelStore>().Upsert([DigestFixtures.Channel(10, "général"), DigestFixtures.Channel(11, "annonces", position: 1)]);
        app.Get<MessageStore>().Upsert([.. Enumerable.Range(0, 3).Select(i => DigestFixtures.Message(10, "bonjour " + i, hour: 9 + i, day: Monday))]);
        var ines = new Actor(1300000000000000777UL, "Inès");
        using var client = AdminSessions.ClientFor(app, ines);

        var page = await AdminForms.GetPageAsync(client);
        page = await AdminForms.SubmitAsync(client, page, "form[action='/admin/channels/11/exclude']", []);
        page = await AdminForms.SubmitAsync(client, page, "form[action='/admin/switches']", new() { ["dailyMail"] = "true", ["summaries"] = "true", ["weeklySynthesis"] = "true" }, clearCheckboxes: true);
        page = await AdminForms.SubmitAsync(client, page, "form[action='/admin/audience']", new() { ["role"] = "@everyone" });
        page = await AdminForms.SubmitAsync(client, page, "form[action='/admin/actions/send-digest']", []);
        page = await AdminForms.SubmitAsync(client, page, "form[action='/admin/digests/2026-11-23/resend']", []);
        using var everywhere = await AdminForms.PostFormAsync(client, page, "form[action='/admin/logout-everywhere']", [], clearCheckboxes: false);

        Assert.Equal(2, app.Transport.Sent.Count);
        var trail = app.Get<AuditTrail>().Latest(10);
        Assert.Equal(
            [AuditKinds.SessionsRevoked, AuditKinds.DigestResent, AuditKinds.DigestSent, AuditKinds.Audience, AuditKinds.Switches, AuditKinds.Excluded],
            trail.Select(e => e.Kind));
        Assert.All(trail, e => Assert.Equal((ines.Id, ines.Name), (e.ActorId, e.Actor)));
        Assert.Equal("weeklySynthesis=on", trail[4].Detail);
        Assert.Equal(("2026-11-23", "Le résumé du 23/11/2026 est envoyé."), (trail[1].TargetId, trail[1].Detail));
        Assert.Equal("Le résumé du 23/11/2026 est envoyé.", trail[2].Detail);
        Assert.Equal("1", trail[0].Detail);
        Assert.Equal(("11", "annonces"), (trail[5].TargetId, trail[5].Target));
        Assert.Equal((ines.Id, "Inès"), (app.Get<SettingsStore>().Audience()!.ChangedById, app.Get<SettingsStore>().Audience()!.ChangedBy));
    }

    [Fact]
    public async Task The_audit_route_needs_the_admin_token_and_is_described_by_openapi()
    {
        await using var app = new TestApp(AdminApiTests.Enabled());
        app.Get<AuditTrail>().Record(new Actor(7, "Camille"), AuditKinds.Restart);

        using var missing = await app.Client.GetAsync(new Uri("/admin/api/audit", UriKind.Relative), Token);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/admin/api/audit");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminApiTests.AdminToken + "x");
        using var refused = await app.Client.SendAsync(wrong, Token);
        var document = JsonNode.Parse(await app.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Token))!;

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("", await refused.Content.ReadAsStringAsync(Token));
        var route = document["paths"]!["/admin/api/audit"]!["get"]!;
        Assert.Equal("GetAudit", (string)route["operationId"]!);
        Assert.Contains(route["parameters"]!.AsArray(), p => (string)p!["name"]! == "count");
    }

    [Fact]
    public async Task Digest_sends_and_resends_from_the_api_record_who_asked_and_the_outcome()
    {
        await using var app = DigestFixtures.App(DigestHarness.Local(Monday.AddDays(1), 9));
        app.Get<ChannelStore>().Upsert([DigestFixtures.Channel(10, "général")]);
        app.Get<MessageStore>().Upsert([.. Enumerable.Range(0, 3).Select(i => DigestFixtures.Message(10, "bonjour " + i, hour: 9 + i, day: Monday))]);
        using var api = app.AdminClient();

        using var sent = await api.PostAsync(new Uri("/admin/api/digests", UriKind.Relative), Json("{\"date\":\"2026-11-23\"}"), Token);
        using var resent = await api.PostAsync(new Uri("/admin/api/digests", UriKind.Relative), Json("{\"date\":\"2026-11-23\",\"resend\":true}"), Token);
        using var refused = await api.PostAsync(new Uri("/admin/api/digests", UriKind.Relative), Json("{\"date\":\"2030-01-01\"}"), Token);

        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(2, app.Transport.Sent.Count);
        var trail = app.Get<AuditTrail>().Latest(10);
        Assert.Equal([AuditKinds.DigestResent, AuditKinds.DigestSent], trail.Select(e => e.Kind));
        Assert.All(trail, e => Assert.Equal(("token", "2026-11-23"), (e.Actor, e.TargetId)));
        Assert.Equal("Le résumé du 23/11/2026 est envoyé.", trail[1].Detail);
    }

    [Fact]
    public async Task A_slash_command_records_the_member_by_nickname_and_id_and_the_page_escapes_it()
    {
        const string Hostile = "<script>alert(1)</script>Cam";
        await using var app = new TestApp(AdminApiTests.Enabled());
        var exclude = Payloads.Command("exclude", Payloads.ChannelOption(Channel), resolvedChannels: Payloads.ResolvedChannel(Channel, "annonces"));
        exclude["member"]!["nick"] = Hostile;

        var answer = await CoalitionBot.Tests.Interactions.CommandTests.SendAsync(app, exclude);
        var audience = Payloads.Command("audience", Payloads.RoleOption(Payloads.GuildId), resolvedRoles: Payloads.ResolvedRole(Payloads.GuildId, "@everyone"));
        await CoalitionBot.Tests.Interactions.CommandTests.SendAsync(app, audience);
        using var client = await AdminPageTests.SignedInClientAsync(app);
        var page = await AdminForms.GetPageAsync(client);

        Assert.Contains("est exclu", (string)answer["data"]!["content"]!, StringComparison.Ordinal);
        var trail = app.Get<AuditTrail>().Latest(10);
        Assert.Equal([AuditKinds.Audience, AuditKinds.Excluded], trail.Select(e => e.Kind));
        Assert.Equal((Hostile, ulong.Parse(Payloads.MemberId, System.Globalization.CultureInfo.InvariantCulture), Channel, "annonces"), (trail[1].Actor, trail[1].ActorId!.Value, trail[1].TargetId, trail[1].Target));
        Assert.Equal(("Camille", "@everyone"), (trail[0].Actor, trail[0].Target));
        var entry = app.Get<ChannelListStore>().Find(ulong.Parse(Channel, System.Globalization.CultureInfo.InvariantCulture))!;
        Assert.Equal((trail[1].Actor, trail[1].ActorId, trail[1].At), (entry.ChangedBy, entry.ChangedById, entry.ChangedAt));

        Assert.Empty(page.QuerySelectorAll("script"));
        var lines = page.QuerySelectorAll("section#audit li[data-audit]");
        Assert.Equal(["audience", "excluded"], lines.Select(l => l.GetAttribute("data-kind")));
        var excluded = lines[1];
        Assert.Equal(Hostile, excluded.QuerySelector(".who")!.TextContent);
        Assert.Equal("id " + Payloads.MemberId, excluded.QuerySelector(".who")!.GetAttribute("title"));
        Assert.Equal(Payloads.MemberId, excluded.QuerySelector(".actor-id")!.TextContent);
        Assert.Equal("exclu du résumé", excluded.QuerySelector(".what")!.TextContent);
        Assert.Equal("#annonces", excluded.QuerySelector(".target")!.TextContent);
        Assert.Equal("Historique des changements", page.QuerySelector("section#audit h2")!.TextContent);
        Assert.Contains("avant : @everyone", lines[0].QuerySelector(".detail")!.TextContent, StringComparison.Ordinal);
        // The channel's row names the same person as the trail.
        Assert.Contains("par " + Hostile, page.QuerySelector($"tr[data-channel='{Channel}'] .state")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_shows_the_newest_30_in_the_local_time_zone_in_english_by_configuration()
    {
        var settings = AdminApiTests.Enabled();
        settings["Digest:Language"] = "en";
        settings["Digest:TimeZone"] = "Europe/Brussels";
        await using var app = new TestApp(new TestAppOptions
        {
            Settings = settings,
            Clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 15, 4, 0, TimeSpan.Zero)),
        });
        var audit = app.Get<AuditTrail>();
        for (var i = 1; i <= 35; i++)
        {
            audit.Record(Actor.Token, AuditKinds.PollNow, detail: "poll " + i);
        }

        audit.Record(new Actor(10, "token"), AuditKinds.PollNow, detail: "a member nicknamed token");
        audit.Record(new Actor(9, "Inès"), AuditKinds.Switches, detail: "dailyMail=off;weeklySynthesis=on");
        using var client = await AdminPageTests.SignedInClientAsync(app);

        var page = await AdminForms.GetPageAsync(client);

        var lines = page.QuerySelectorAll("section#audit li[data-audit]");
        Assert.Equal(CoalitionBot.Admin.AdminAuditSection.Shown, lines.Length);
        Assert.Equal("Change history", page.QuerySelector("section#audit h2")!.TextContent);
        Assert.Equal("3 Dec 2026 16:04", lines[0].QuerySelector("time")!.TextContent);
        Assert.Equal("2026-12-03T15:04:00Z", lines[0].QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("switches changed", lines[0].QuerySelector(".what")!.TextContent);
        Assert.Equal("Daily digest by mail: off, Weekly synthesis: on", lines[0].QuerySelector(".detail")!.TextContent);
        Assert.Equal(("token", "10"), (lines[1].QuerySelector(".who")!.TextContent, lines[1].QuerySelector(".actor-id")!.TextContent));
        Assert.Null(lines[2].QuerySelector(".actor-id"));
        Assert.Equal("the admin token", lines[2].QuerySelector(".who")!.TextContent);
        Assert.Equal("poll 35", lines[2].QuerySelector(".detail")!.TextContent);
        Assert.Equal("poll 8", lines[^1].QuerySelector(".detail")!.TextContent);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonNode> SendAsync(HttpClient client, HttpMethod method, string path, JsonObject? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminApiTests.AdminToken);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await client.SendAsync(request, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
