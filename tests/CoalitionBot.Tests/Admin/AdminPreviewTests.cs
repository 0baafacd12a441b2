using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CoalitionBot.Digest;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Admin;

/// The admin page's digest preview: the day's digest as the mail would have it, built by the same
/// code, never mailed nor recorded; bad days get a sentence, the HTML part a sandbox.
public sealed class AdminPreviewTests
{
    /// The clock is the real time (the session cookie's expiry is checked by the client against it).
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    private static readonly DateOnly Yesterday = DigestPeriod.LastCompleteDay(Now, DigestFixtures.Brussels);

    private static readonly System.Globalization.CultureInfo French = System.Globalization.CultureInfo.GetCultureInfo("fr-BE");

    private static string Key(DateOnly day) => DigestLedger.Key(day);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_last_complete_day_is_previewed_as_it_would_be_mailed_without_mailing_or_recording_it()
    {
        await using var app = App(realMail: true);
        app.Get<ChannelStore>().Upsert([DigestFixtures.Channel(10, "général")]);
        app.Get<MessageStore>().Upsert([
            DigestFixtures.Message(10, "Réunion **jeudi** à 19 h", day: Yesterday),
            DigestFixtures.Message(10, "Je serai là", author: 2, day: Yesterday),
            DigestFixtures.Message(10, "La veille, on préparait", day: Yesterday.AddDays(-1)),
        ]);
        using var client = await AdminPageTests.SignedInClientAsync(app);

        var page = await GetPageAsync(client, "/admin/preview");
        var frame = await GetAsync(client, $"/admin/preview/{Key(Yesterday)}/html");
        var dayBefore = await GetPageAsync(client, $"/admin/preview?day={Key(Yesterday.AddDays(-1))}");
        var dashboard = await GetPageAsync(client, "/admin");

        Assert.Equal(Key(Yesterday), page.QuerySelector("select[name=day] option[selected]")?.GetAttribute("value"));
        Assert.Equal([Key(Yesterday), Key(Yesterday.AddDays(-1))], page.QuerySelectorAll("select[name=day] option").Select(o => o.GetAttribute("value")));
        Assert.Equal(Yesterday.ToString("dddd d MMMM yyyy", French) + " — 2 messages", page.QuerySelector("select[name=day] option[selected]")?.TextContent);
        Assert.Contains("Je serai là", page.QuerySelector("pre[data-preview-text]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("jeudi", page.QuerySelector("pre[data-preview-text]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Réunion <strong>jeudi</strong> à 19 h", frame, StringComparison.Ordinal);
        Assert.DoesNotContain("La veille", frame, StringComparison.Ordinal);
        Assert.Contains("La veille, on préparait", dayBefore.QuerySelector("pre[data-preview-text]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/admin/preview/{Key(Yesterday)}/html", page.QuerySelector("iframe")?.GetAttribute("src"));
        Assert.Equal("", page.QuerySelector("iframe")?.GetAttribute("sandbox"));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("iframe")?.GetAttribute("title")));
        Assert.Equal("none", page.QuerySelector("section[data-cuts]")?.GetAttribute("data-cuts"));
        Assert.NotNull(dashboard.QuerySelector("a[href='/admin/preview']"));

        // Nothing went out and nothing was recorded.
        Assert.False(Directory.Exists(Path.Combine(app.DataDirectory, "outbox")) && Directory.GetFiles(Path.Combine(app.DataDirectory, "outbox")).Length > 0);
        Assert.Null(app.Get<DigestLedger>().Find(Yesterday));
        Assert.Empty(app.Get<DigestLedger>().Latest(10));

        // What is then mailed is what the preview showed, byte for byte, and its size is the one announced.
        var sent = await app.Get<DigestService>().SendDayAsync(Yesterday, resend: false, Token);
        Assert.Equal(DigestOutcome.Sent, sent.Outcome);
        Assert.Equal(sent.Record!.Html, frame);
        Assert.Equal(sent.Record.Subject, page.QuerySelector("[data-preview-subject]")?.TextContent);
        var bytes = Encoding.UTF8.GetByteCount(sent.Record.Html) + Encoding.UTF8.GetByteCount(sent.Record.Text);
        var size = page.QuerySelector("[data-preview-size]")!;
        Assert.Equal(bytes.ToString(System.Globalization.CultureInfo.InvariantCulture), size.GetAttribute("data-preview-size"));
        Assert.Equal("40000", size.GetAttribute("data-preview-budget"));
        Assert.Equal((bytes * 100 / 40_000).ToString(System.Globalization.CultureInfo.InvariantCulture), size.GetAttribute("data-preview-percent"));
        Assert.StartsWith("Taille : ", size.TextContent, StringComparison.Ordinal);
        Assert.Contains("% du budget Digest:MaxBytes", size.TextContent, StringComparison.Ordinal);

        // Once mailed, the preview says so and links to the mail as it went.
        var after = await GetPageAsync(client, "/admin/preview");
        Assert.NotNull(after.QuerySelector($"[data-preview-sent] a[href='/admin/digests/{Key(Yesterday)}']"));
    }

    [Fact]
    public async Task The_html_part_is_served_in_a_sandbox_that_only_the_admin_page_may_frame()
    {
        await using var app = App();
        app.Get<ChannelStore>().Upsert([DigestFixtures.Channel(10, "général")]);
        app.Get<MessageStore>().Upsert([DigestFixtures.Message(10, "Bonjour", day: Yesterday)]);
        using var client = await AdminPageTests.SignedInClientAsync(app);

        using var page = await client.GetAsync(new Uri("/admin/preview", UriKind.Relative), Token);
        using var frame = await client.GetAsync(new Uri($"/admin/preview/{Key(Yesterday)}/html", UriKind.Relative), Token);
        using var dashboard = await client.GetAsync(new Uri("/admin", UriKind.Relative), Token);

        var framePolicy = Policy(frame);
        Assert.Equal(HttpStatusCode.OK, frame.StatusCode);
        Assert.Equal("text/html", frame.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("sandbox;", framePolicy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", framePolicy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", framePolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", framePolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join("", frame.Headers.GetValues("X-Content-Type-Options")));
        var pagePolicy = Policy(page);
        Assert.Contains("frame-src 'self'", pagePolicy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", pagePolicy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", pagePolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("frame-src", Policy(dashboard), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_discord_content_is_text_in_the_page_and_in_the_frame()
    {
        const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(2)><iframe src=//evil.example></iframe>";
        await using var app = App();
        app.Get<ChannelStore>().Upsert([DigestFixtures.Channel(10, "<b>salon</b>")]);
        app.Get<MessageStore>().Upsert([DigestFixtures.Message(10, Hostile, name: "<img src=y onerror=alert(3)>", day: Yesterday)]);
        using var client = await AdminPageTests.SignedInClientAsync(app);

        var page = await GetPageAsync(client, "/admin/preview");
        var frame = new HtmlParser().ParseDocument(await GetAsync(client, $"/admin/preview/{Key(Yesterday)}/html"));

        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.Empty(page.QuerySelectorAll("b"));
        Assert.Single(page.QuerySelectorAll("iframe"));
        Assert.Contains(Hostile, page.QuerySelector("pre[data-preview-text]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(frame.QuerySelectorAll("script"));
        Assert.Empty(frame.QuerySelectorAll("img"));
        Assert.Empty(frame.QuerySelectorAll("iframe"));
        Assert.Contains(Hostile, frame.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("<img src=y onerror=alert(3)>", frame.Body.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hier", "« hier » n'est pas un jour")]
    [InlineData("2026-13-01", "« 2026-13-01 » n'est pas un jour")]
    [InlineData("2014-12-31", "« 2014-12-31 » n'est pas un jour")]
    [InlineData("<img src=x onerror=alert(1)>", "« <img src=x onerror=alert(1)> » n'est pas un jour")]
    public async Task A_day_that_is_not_a_day_gets_a_sentence_and_a_400(string day, string sentence)
    {
        await using var app = App();
        using var client = await AdminPageTests.SignedInClientAsync(app);

        using var response = await client.GetAsync(new Uri("/admin/preview?day=" + Uri.EscapeDataString(day), UriKind.Relative), Token);
        using var frame = await client.GetAsync(new Uri("/admin/preview/" + Uri.EscapeDataString(day) + "/html", UriKind.Relative), Token);

        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(sentence, page.QuerySelector("[role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.Null(page.QuerySelector("iframe"));
        Assert.Equal(HttpStatusCode.BadRequest, frame.StatusCode);
        Assert.Equal("text/plain", frame.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(sentence, await frame.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_without_a_digest_to_show_gets_a_sentence_never_an_error()
    {
        await using var app = App();
        app.Get<ChannelStore>().Upsert([DigestFixtures.Channel(10, "général")]);
        app.Get<MessageStore>().Upsert([DigestFixtures.Message(10, "Bonjour", day: Yesterday)]);
        using var client = await AdminPageTests.SignedInClientAsync(app);
        var today = Yesterday.AddDays(1);
        var cases = new (DateOnly Day, string State, string Sentence)[]
        {
            (today, "notcomplete", $"Le {today.ToString("d MMMM yyyy", French)} n'est pas terminé : son résumé partira le {today.AddDays(1).ToString("d MMMM yyyy", French)} à 07:00. Le dernier jour complet est le {Yesterday.ToString("d MMMM yyyy", French)}."),
            (new DateOnly(9999, 12, 31), "notcomplete", "Le 31 décembre 9999 n'est pas terminé"),
            (Yesterday.AddDays(-3), "empty", $"Aucun message à résumer le {Yesterday.AddDays(-3).ToString("d MMMM yyyy", French)} : rien ne partirait."),
            (new DateOnly(2015, 1, 1), "empty", "Aucun message à résumer le 1 janvier 2015"),
        };

        foreach (var (day, state, sentence) in cases)
        {
            var page = await GetPageAsync(client, "/admin/preview?day=" + Key(day));

            var line = page.QuerySelector("[data-preview-state]");
            Assert.Equal(state, line?.GetAttribute("data-preview-state"));
            Assert.StartsWith(sentence, line?.TextContent, StringComparison.Ordinal);
            Assert.Null(page.QuerySelector("iframe"));
            Assert.Equal(Key(day), page.QuerySelector("select[name=day] option[selected]")?.GetAttribute("value"));
            Assert.Null(app.Get<DigestLedger>().Find(day));
        }
    }

    [Fact]
    public async Task A_day_before_the_bot_read_the_server_says_so()
    {
        await using var app = new TestApp(AdminApiTests.Enabled(botToken: GuildFake.Token));
        app.Discord.Map();
        await app.Poller.PollAsync(Token);
        var covered = TimeZoneInfo.ConvertTime(app.Cursors.CoveredSince!.Value, DigestFixtures.Brussels);
        var before = DateOnly.FromDateTime(covered.DateTime).AddDays(-1);
        using var client = await AdminPageTests.SignedInClientAsync(app);

        var page = await GetPageAsync(client, "/admin/preview?day=" + Key(before));

        var line = page.QuerySelector("[data-preview-state]");
        Assert.Equal("notcovered", line?.GetAttribute("data-preview-state"));
        Assert.Equal(
            $"Le bot ne lisait pas encore le serveur le {before.ToString("d MMMM yyyy", French)} (il lit depuis le {covered.ToString("d MMMM yyyy", French)}) : ce jour n'a pas de résumé.",
            line?.TextContent);
        Assert.Null(page.QuerySelector("iframe"));
    }

    [Fact]
    public async Task A_day_not_over_yet_has_no_frame_but_a_404_sentence()
    {
        await using var app = App();
        using var client = await AdminPageTests.SignedInClientAsync(app);

        var today = Yesterday.AddDays(1);
        using var frame = await client.GetAsync(new Uri($"/admin/preview/{Key(today)}/html", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.NotFound, frame.StatusCode);
        Assert.StartsWith($"Le {today.ToString("d MMMM yyyy", French)} n'est pas terminé", await frame.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/preview")]
    [InlineData("/admin/preview?day=2015-01-01")]
    [InlineData("/admin/preview/2015-01-01/html")]
    public async Task Without_a_session_the_preview_sends_to_the_sign_in(string path)
    {
        await using var app = App();
        app.Get<ChannelStore>().Upsert([DigestFixtures.Channel(10, "général")]);
        app.Get<MessageStore>().Upsert([DigestFixtures.Message(10, "Secret de la coalition", day: Yesterday)]);
        using var client = app.CreateBrowserLikeClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        Assert.DoesNotContain("Secret", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_small_budget_shows_which_channels_were_cut_and_which_messages_shortened()
    {
        await using var app = App(maxBytes: "20000");
        app.Get<ChannelStore>().Upsert([DigestFixtures.Channel(10, "général"), DigestFixtures.Channel(11, "juridique", position: 1)]);
        app.Get<MessageStore>().Upsert([
            .. Enumerable.Range(0, 30).Select(i => DigestFixtures.Message(10, $"Message {i} " + new string('x', 300), hour: i % 24, author: (ulong)(1 + (i % 5)), day: Yesterday)),
            .. Enumerable.Range(0, 30).Select(i => DigestFixtures.Message(11, $"Avis {i} " + new string('y', 300), hour: i % 24, author: (ulong)(1 + (i % 5)), day: Yesterday)),
            DigestFixtures.Message(11, "Très long avis " + new string('z', 2_000), hour: 23, minute: 30, name: "Camille", day: Yesterday),
        ]);
        using var client = await AdminPageTests.SignedInClientAsync(app);

        var page = await GetPageAsync(client, "/admin/preview");

        Assert.Equal("some", page.QuerySelector("section[data-cuts]")?.GetAttribute("data-cuts"));
        var shortened = page.QuerySelectorAll("ul[data-cut=shortened] li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, shortened.Count);
        var general = Assert.Single(shortened, s => s.StartsWith("#général : ", StringComparison.Ordinal));
        var numbers = System.Text.RegularExpressions.Regex.Matches(general, "[0-9]+").Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(30, numbers[0] + numbers[1]);
        Assert.True(numbers[1] > 0, general);
        Assert.Equal("20000", page.QuerySelector("[data-preview-size]")?.GetAttribute("data-preview-budget"));
        var truncated = Assert.Single(page.QuerySelectorAll("ul[data-cut=truncated] li"));
        Assert.Equal("Camille, 23:30 — #juridique", truncated.TextContent);
        Assert.StartsWith("https://discord.com/channels/42/11/", truncated.QuerySelector("a")?.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("Messages raccourcis à 1 200 caractères", page.QuerySelector("section[data-cuts]")?.TextContent.Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preview_speaks_english_when_the_digest_does()
    {
        await using var app = App(language: "en");
        app.Get<ChannelStore>().Upsert([DigestFixtures.Channel(10, "general")]);
        app.Get<MessageStore>().Upsert([DigestFixtures.Message(10, "Meeting on Thursday", day: Yesterday)]);
        using var client = await AdminPageTests.SignedInClientAsync(app);

        var page = await GetPageAsync(client, "/admin/preview");
        var dashboard = await GetPageAsync(client, "/admin");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Digest preview", page.QuerySelector("section h2")?.TextContent);
        Assert.StartsWith("Size: ", page.QuerySelector("[data-preview-size]")?.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("The paragraph written by the language model", page.QuerySelector("[data-preview-abstract]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Digest preview", dashboard.QuerySelector("a[href='/admin/preview']")?.TextContent);
    }

    [Fact]
    public void The_builder_names_the_channels_it_leaves_out_for_lack_of_room()
    {
        List<StoredChannel> channels = [.. Enumerable.Range(0, 40).Select(i => DigestFixtures.Channel((ulong)(1000 + i), "salon-" + i, position: i))];
        List<StoredMessage> messages = [.. channels.SelectMany(c => Enumerable.Range(0, 5).Select(i => DigestFixtures.Message(c.Id, "Message " + i + new string('x', 400), hour: i, author: (ulong)(i + 1))))];

        var digest = DigestBuilder.Build(DigestFixtures.Request(messages, channels) with { Settings = new DigestSettings(SizeBudget: 10_000) });
        var cuts = DigestCuts.Of(digest);

        Assert.True(digest.OtherChannelsOmitted > 0);
        Assert.Equal(digest.OtherChannelsOmitted, cuts.LeftOut.Count);
        Assert.Equal(40, cuts.LeftOut.Count + cuts.OnlyNamed.Count + digest.Sections.Count);
        Assert.Empty(cuts.LeftOut.Select(c => c.Name).Intersect(cuts.OnlyNamed.Select(c => c.Name)));
        Assert.All(cuts.LeftOut, c => Assert.Equal(5, c.Messages));
    }

    /// The digest preset (a fake clock at the real time, the list's addresses), signed in with the admin page's token.
    internal static TestApp App(bool realMail = false, string? maxBytes = null, string language = "fr")
    {
        var settings = new Dictionary<string, string?> { ["Admin:Token"] = AdminApiTests.AdminToken, ["Digest:Language"] = language };
        if (maxBytes is not null)
        {
            settings["Digest:MaxBytes"] = maxBytes;
        }

        return DigestFixtures.App(Now, settings, realMail);
    }

    private static string Policy(HttpResponseMessage response) => string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Token);
    }

    private static async Task<IHtmlDocument> GetPageAsync(HttpClient client, string path) =>
        new HtmlParser().ParseDocument(await GetAsync(client, path));
}
