using System.Net;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Admin;

public sealed class AdminPageTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_an_admin_token_configured_the_page_does_not_exist()
    {
        await using var app = new TestApp();
        using var client = app.CreateBrowserLikeClient();

        using var response = await client.GetAsync(new Uri("/admin", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_anti_forgery_key_ring_is_created_by_the_first_page_not_at_start()
    {
        await using var app = new TestApp(AdminApiTests.Enabled());
        using var client = app.CreateBrowserLikeClient();
        var keys = Path.Combine(app.DataDirectory, "keys");
        await app.Client.GetAsync(new Uri("/healthz", UriKind.Relative), Token);
        var keysAfterStart = Directory.Exists(keys) ? Directory.GetFiles(keys) : [];

        var page = await AdminForms.GetPageAsync(client, "/admin");

        Assert.Empty(keysAfterStart);
        Assert.NotNull(page.QuerySelector("input[name=__token]"));
        Assert.Single(Directory.GetFiles(keys, "key-*.xml"));
    }

    [Fact]
    public async Task The_page_asks_for_the_token_and_refuses_a_wrong_one()
    {
        await using var app = new TestApp(AdminApiTests.Enabled());
        using var client = app.CreateBrowserLikeClient(followRedirects: true);

        var signIn = await AdminForms.GetPageAsync(client, "/admin");
        var after = await AdminForms.SubmitAsync(client, signIn, "form[action='/admin/login']", new() { ["token"] = "not-the-token" });

        Assert.NotNull(after.QuerySelector("input[name=token]"));
        Assert.Equal("Ce jeton n'est pas le bon.", after.QuerySelector("[role=alert]")?.TextContent);
        Assert.Null(after.QuerySelector("table"));
    }

    [Fact]
    public async Task Signing_in_sets_a_strict_http_only_secure_cookie_and_shows_the_dashboard()
    {
        await using var app = new TestApp(AdminApiTests.Enabled());
        using var client = app.CreateBrowserLikeClient();
        var signIn = await AdminForms.GetPageAsync(client, "/admin");

        using var response = await AdminForms.PostFormAsync(client, signIn, "form[action='/admin/login']", new() { ["token"] = AdminApiTests.AdminToken });
        var dashboard = await AdminForms.GetPageAsync(client, "/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("coalitionbot_admin=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(AdminApiTests.AdminToken, cookie, StringComparison.Ordinal);
        Assert.Equal("Tout fonctionne", dashboard.QuerySelector("p.ok")?.TextContent.Trim('✔', ' '));
        Assert.NotNull(dashboard.QuerySelector("form[action='/admin/switches']"));
        Assert.NotNull(dashboard.QuerySelector("form[action='/admin/restart']"));
    }

    [Fact]
    public async Task A_form_without_its_anti_forgery_token_changes_nothing()
    {
        await using var app = new TestApp(AdminApiTests.Enabled());
        using var client = await SignedInClientAsync(app);

        using var forged = await client.PostAsync(
            new Uri("/admin/channels/1300000000000000201/exclude", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>()),
            Token);

        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Empty(app.Get<ChannelListStore>().All());
        Assert.Equal(1, app.Get<CoalitionBot.Security.Refusals>().Counts().ByReason["staleAdminForm"]);
    }

    [Fact]
    public async Task A_moderator_excludes_a_channel_and_switches_off_the_daily_mail_from_the_page()
    {
        await using var app = new TestApp(AdminApiTests.Enabled());
        app.Get<ChannelListStore>().SetImportant(1300000000000000201UL, "general", important: true, new Actor(1, "Camille"));
        using var client = await SignedInClientAsync(app);

        var page = await AdminForms.GetPageAsync(client, "/admin");
        page = await AdminForms.SubmitAsync(client, page, "form[action='/admin/channels/1300000000000000201/exclude']", []);
        page = await AdminForms.SubmitAsync(client, page, "form[action='/admin/switches']", new() { ["summaries"] = "true" }, clearCheckboxes: true);

        Assert.True(app.Get<ChannelListStore>().IsExcluded(1300000000000000201UL));
        Assert.Contains("exclu — par le jeton d'administration", page.QuerySelector("tr[data-channel='1300000000000000201'] .state")?.TextContent, StringComparison.Ordinal);
        var switches = app.Get<SettingsStore>().Switches();
        Assert.False(switches.DailyMail);
        Assert.True(switches.Summaries);
        Assert.Equal("Réglages enregistrés.", page.QuerySelector(".flash")?.TextContent);
    }

    [Fact]
    public async Task A_change_from_the_page_is_recorded_under_the_signed_in_moderators_name_and_id()
    {
        await using var app = new TestApp(AdminApiTests.Enabled());
        app.Get<ChannelListStore>().SetImportant(1300000000000000201UL, "general", important: true, new Actor(1, "Camille"));
        using var client = AdminSessions.ClientFor(app, new Actor(1300000000000000777UL, "Inès <b>"));

        var page = await AdminForms.GetPageAsync(client, "/admin");
        page = await AdminForms.SubmitAsync(client, page, "form[action='/admin/channels/1300000000000000201/exclude']", []);

        var entry = app.Get<ChannelListStore>().Find(1300000000000000201UL)!;
        Assert.Equal((1300000000000000777UL, "Inès <b>"), (entry.ChangedById, entry.ChangedBy));
        Assert.Contains("exclu — par Inès <b>", page.QuerySelector("tr[data-channel='1300000000000000201'] .state")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_shows_the_last_30_days_and_12_months_of_activity_as_inline_svg_from_the_aggregates()
    {
        await using var app = new TestApp(AdminApiTests.Enabled());
        var zone = app.Get<Microsoft.Extensions.Options.IOptions<CoalitionBot.Localization.LocaleOptions>>().Value.GetZone();
        var yesterday = CoalitionBot.Digest.DigestPeriod.LastCompleteDay(TimeProvider.System.GetUtcNow(), zone);
        var store = app.Get<DailyActivityStore>();
        store.Write(new DayActivity { Id = yesterday.AddDays(-3).DayNumber, Messages = 34, ActiveMembers = 5 }, []);
        store.Write(new DayActivity { Id = yesterday.AddDays(-2).DayNumber }, []);
        store.Write(new DayActivity { Id = yesterday.AddDays(-1).DayNumber }, []);
        store.Write(new DayActivity { Id = yesterday.DayNumber, Messages = 12, ActiveMembers = 3 }, []);
        using var client = await SignedInClientAsync(app);

        var page = await AdminForms.GetPageAsync(client, "/admin");

        var charts = page.QuerySelectorAll("section#activity svg");
        Assert.Equal(2, charts.Length);
        Assert.Equal("Activité des 30 derniers jours", page.QuerySelector("section#activity h2")?.TextContent);
        var month = charts[0];
        Assert.StartsWith("Messages par jour, du ", month.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Equal(30, month.QuerySelectorAll("rect").Length);
        // Days before the first recorded one were not read: outlined, not drawn as zero.
        Assert.Equal(26, month.QuerySelectorAll("rect.unknown").Length);
        Assert.Equal(["34", "0", "0", "12"], month.QuerySelectorAll("rect.bar").Select(r => r.GetAttribute("data-messages")));
        var tallest = month.QuerySelector("rect.bar[data-messages='34']")!;
        Assert.True(double.Parse(tallest.GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture)
            > double.Parse(month.QuerySelector("rect.bar[data-messages='12']")!.GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("— 34", tallest.QuerySelector("title")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(12, charts[1].QuerySelectorAll("rect").Length);
        Assert.Equal(46, charts[1].QuerySelectorAll("rect.bar").Sum(r => int.Parse(r.GetAttribute("data-messages")!, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Channel_names_and_log_lines_are_encoded_never_interpreted()
    {
        await using var app = new TestApp(AdminApiTests.Enabled());
        app.Get<ChannelListStore>().SetExcluded(1300000000000000201UL, "<img src=x onerror=alert(1)>", excluded: true, new Actor(1, "<b>Mallory</b>"));
        using var client = await SignedInClientAsync(app);

        var page = await AdminForms.GetPageAsync(client, "/admin");

        Assert.Null(page.QuerySelector("img"));
        Assert.Null(page.QuerySelector("b"));
        Assert.Contains("#<img src=x onerror=alert(1)>", page.QuerySelector("tr[data-channel='1300000000000000201'] td")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_stops_the_application_gracefully_for_the_restart_policy_to_bring_it_back()
    {
        await using var app = new TestApp(AdminApiTests.Enabled());
        using var client = await SignedInClientAsync(app);
        var stopping = new TaskCompletionSource();
        app.Get<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());

        var page = await AdminForms.GetPageAsync(client, "/admin");
        using var response = await AdminForms.PostFormAsync(client, page, "form[action='/admin/restart']", []);
        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(10), Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(app.Logs.Lines, l => l.Message.StartsWith("Restart asked from the admin page", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_page_is_in_french_by_default_and_in_english_by_configuration()
    {
        await using var french = new TestApp(AdminApiTests.Enabled());
        var settings = AdminApiTests.Enabled();
        settings["Digest:Language"] = "en";
        await using var english = new TestApp(settings);
        using var frenchClient = await SignedInClientAsync(french);
        using var englishClient = await SignedInClientAsync(english);

        var fr = await AdminForms.GetPageAsync(frenchClient, "/admin");
        var en = await AdminForms.GetPageAsync(englishClient, "/admin");

        Assert.Equal("fr", fr.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Discord:BotToken manque : pas de collecte", fr.Body!.TextContent, StringComparison.Ordinal);
        // The health checks too: status and description.
        Assert.Contains("storage : ok : base de données ouverte", fr.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains("polling : ok : arrêtée : Discord:BotToken et Discord:GuildId sont nécessaires", fr.Body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("database open", fr.Body.TextContent, StringComparison.Ordinal);
        Assert.Equal("en", en.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Discord:BotToken is not set: polling is off", en.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("storage : healthy: database open", en.Body.TextContent, StringComparison.Ordinal);
        Assert.NotNull(en.QuerySelector("button[value='send-digest']"));
        Assert.Equal("Send the digest now", en.QuerySelector("button[value='send-digest']")!.TextContent);
    }

    [Fact]
    public async Task The_page_forbids_scripts_and_framing()
    {
        await using var app = new TestApp(AdminApiTests.Enabled());
        using var client = app.CreateBrowserLikeClient();

        using var response = await client.GetAsync(new Uri("/admin", UriKind.Relative), Token);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audience_line_says_what_is_wrong_and_its_form_and_api_set_the_role()
    {
        await using var app = new TestApp(AdminApiTests.Enabled(botToken: GuildFake.Token));
        var server = new MembersOnlyGuild(app.Discord);
        server.Lobby.Overwrites.Add(new FakeOverwrite(app.Discord.Guild, Allow: 0, Deny: MembersOnlyGuild.ViewChannel));
        app.Discord.AddRole("<script>alert(1)</script>");
        app.Discord.Map();
        await app.Poller.PollAsync(Token);
        using var client = await SignedInClientAsync(app);

        var before = await AdminForms.GetPageAsync(client, "/admin");
        var after = await AdminForms.SubmitAsync(client, before, "form[action='/admin/audience']", new() { ["role"] = Payloads.Id(server.Membre) });
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminApiTests.AdminToken);
        var read = System.Text.Json.Nodes.JsonNode.Parse(await api.GetStringAsync(new Uri("/admin/api/audience", UriKind.Relative), Token))!;
        using var unknown = await api.PutAsync(new Uri("/admin/api/audience", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { role = "Trésorerie" }), Token);
        using var everyone = await api.PutAsync(new Uri("/admin/api/audience", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { role = "@everyone" }), Token);

        Assert.StartsWith("⚠ aucun salon suivi par le résumé n'est visible pour @everyone", before.QuerySelector("[data-audience=problem]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("invisible pour @everyone", before.QuerySelector($"tr[data-channel='{server.General.Id}'] .state")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(before.QuerySelectorAll("select[name=role] option"), o => o.TextContent == "<script>alert(1)</script>");
        Assert.Empty(before.QuerySelectorAll("script"));
        Assert.Equal("@Membre voit 3 des 5 salons suivis ; les autres ne sont envoyés que s'ils sont importants.", after.QuerySelector("[data-audience=ok]")!.TextContent);
        Assert.Equal(Payloads.Id(server.Membre), after.QuerySelector("select[name=role] option[selected]")!.GetAttribute("value"));
        Assert.Equal(("@Membre", "moderator", "token"), ((string)read["role"]!, (string)read["source"]!, (string)read["changedBy"]!));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, everyone.StatusCode);
        Assert.Equal("@everyone", app.Get<SettingsStore>().Audience()!.Role);
    }

    internal static async Task<HttpClient> SignedInClientAsync(TestApp app)
    {
        var client = app.CreateBrowserLikeClient();
        var signIn = await AdminForms.GetPageAsync(client, "/admin");
        using var response = await AdminForms.PostFormAsync(client, signIn, "form[action='/admin/login']", new() { ["token"] = AdminApiTests.AdminToken });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
