using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CoalitionBot.Admin;
using CoalitionBot.Digest;
using CoalitionBot.Localization;
using CoalitionBot.Operations;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Tests.Admin;

/// The long actions from the page: the form answers at once (303) with a status panel that
/// refreshes itself while the action runs, then shows the action's own sentence.
public sealed class AdminOperationsTests
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    private static readonly DateOnly Yesterday = DigestPeriod.LastCompleteDay(Now, DigestFixtures.Brussels);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Send_now_on_a_slow_smtp_shows_a_refreshing_panel_then_the_outcome_and_a_second_click_follows_the_same_run()
    {
        await using var app = App();
        Seed(app);
        var smtp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Transport.Gate = smtp.Task;
        using var client = await AdminPageTests.SignedInClientAsync(app);

        var panelPath = await PostFormAsync(client, "form[action='/admin/actions/send-digest']");
        await app.Transport.SendStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), Token);
        using var runningResponse = await client.GetAsync(new Uri(panelPath, UriKind.Relative), Token);
        var running = new HtmlParser().ParseDocument(await runningResponse.Content.ReadAsStringAsync(Token));
        var steady = await GetPageAsync(client, panelPath + "?refresh=off");
        var again = await PostFormAsync(client, "form[action='/admin/actions/send-digest']");
        smtp.SetResult();
        var done = await WaitForOutcomeAsync(client, panelPath);

        Assert.StartsWith(AdminOperationsPage.PanelPath, panelPath, StringComparison.Ordinal);
        Assert.Equal("running", running.QuerySelector("[data-operation-state]")?.GetAttribute("data-operation-state"));
        Assert.StartsWith("En cours… depuis ", running.QuerySelector("[data-operation-state]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("2", string.Join(",", runningResponse.Headers.GetValues("Refresh")));
        Assert.Equal("on", running.QuerySelector("[data-operation-refresh]")?.GetAttribute("data-operation-refresh"));
        Assert.NotNull(running.QuerySelector($"a[href='{panelPath}?refresh=off']"));
        Assert.Equal("off", steady.QuerySelector("[data-operation-refresh]")?.GetAttribute("data-operation-refresh"));
        Assert.Equal("running", steady.QuerySelector("[data-operation-state]")?.GetAttribute("data-operation-state"));
        Assert.Equal("Envoyer le résumé maintenant", running.QuerySelector("section[data-operation] strong")?.TextContent);
        Assert.Contains("Lancée par le jeton d'administration.", running.QuerySelector("section[data-operation]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(panelPath, again);
        Assert.Equal("done", done.QuerySelector("[data-operation-state]")?.GetAttribute("data-operation-state"));
        Assert.Equal($"Le résumé du {Yesterday:dd/MM/yyyy} est envoyé.", done.QuerySelector("[data-operation-state]")?.TextContent);
        Assert.Null(done.QuerySelector("[data-operation-refresh]"));
        Assert.NotNull(done.QuerySelector("a[href='/admin']"));
        Assert.Single(app.Transport.Sent);
        Assert.Equal(DigestState.Sent, app.Get<DigestLedger>().Find(Yesterday)?.State);
    }

    [Fact]
    public async Task A_send_that_fails_shows_the_reason_on_the_panel()
    {
        await using var app = App();
        Seed(app);
        app.Transport.FailuresLeft = 1;
        using var client = await AdminPageTests.SignedInClientAsync(app);

        var panelPath = await PostFormAsync(client, "form[action='/admin/actions/send-digest']");
        var done = await WaitForOutcomeAsync(client, panelPath);

        var outcome = done.QuerySelector("[data-operation-state]");
        Assert.Equal("failed", outcome?.GetAttribute("data-operation-state"));
        Assert.Equal("bad", outcome?.GetAttribute("class"));
        Assert.Equal("L'envoi a échoué ; il sera réessayé : Connection refused (test)", outcome?.TextContent);
        Assert.Equal("Action en échec", done.QuerySelector("section[data-operation] h2")?.TextContent);
    }

    [Fact]
    public async Task An_action_that_throws_in_the_background_shows_why_and_logs_one_line()
    {
        await using var app = App(services => services.AddSingleton<IAdminAction, ThrowingAction>());
        using var client = await AdminPageTests.SignedInClientAsync(app);

        var panelPath = await PostFormAsync(client, "form[action='/admin/actions/throwing']");
        var done = await WaitForOutcomeAsync(client, panelPath);

        Assert.Equal("L'action a échoué : " + ThrowingAction.Detail, done.QuerySelector("[data-operation-state=failed]")?.TextContent);
        var line = Assert.Single(app.Logs.Lines, l => l.Message.Contains(ThrowingAction.Detail, StringComparison.Ordinal));
        Assert.Null(line.Exception);
    }

    [Fact]
    public async Task Renvoyer_on_a_digest_row_resends_that_day_with_the_same_message_id()
    {
        await using var app = App();
        Seed(app);
        Assert.Equal(DigestOutcome.Sent, (await app.Get<DigestService>().SendDayAsync(Yesterday, resend: false, Token)).Outcome);
        using var client = await AdminPageTests.SignedInClientAsync(app);

        var dashboard = await GetPageAsync(client, "/admin");
        var button = dashboard.QuerySelector($"tr[data-digest='{DigestLedger.Key(Yesterday)}'] form[action='/admin/digests/{DigestLedger.Key(Yesterday)}/resend'] button");
        var panelPath = await PostFormAsync(client, $"form[action='/admin/digests/{DigestLedger.Key(Yesterday)}/resend']");
        var done = await WaitForOutcomeAsync(client, panelPath);

        Assert.Equal("Renvoyer", button?.TextContent);
        Assert.Equal($"Renvoi du résumé du {Yesterday.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-BE"))}", done.QuerySelector("section[data-operation] strong")?.TextContent);
        Assert.Equal($"Le résumé du {Yesterday:dd/MM/yyyy} est envoyé.", done.QuerySelector("[data-operation-state=done]")?.TextContent);
        Assert.Equal(2, app.Transport.Sent.Count);
        Assert.Single(app.Transport.Sent.Select(m => m.MessageId).Distinct());
        Assert.Equal(1, app.Get<DigestLedger>().Find(Yesterday)?.Resends);
    }

    [Theory]
    [InlineData("hier")]
    [InlineData("week-2026-11-16")]
    [InlineData("9999-12-31")]
    public async Task Resending_what_is_not_a_past_day_says_so_on_the_dashboard(string id)
    {
        await using var app = App();
        using var client = await AdminPageTests.SignedInClientAsync(app);
        var dashboard = await GetPageAsync(client, "/admin");
        var fields = dashboard.QuerySelector("form[action='/admin/switches']")!.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value);

        using var response = await client.PostAsync(new Uri($"/admin/digests/{Uri.EscapeDataString(id)}/resend", UriKind.Relative), new FormUrlEncodedContent(fields), Token);
        var after = await GetPageAsync(client, response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"« {id} » n'est pas un résumé connu.", after.QuerySelector(".flash")?.TextContent);
        Assert.Empty(app.Transport.Sent);
    }

    [Fact]
    public async Task Poll_now_runs_in_the_background_against_discord_and_reports_what_it_read()
    {
        await using var app = new TestApp(AdminApiTests.Enabled(botToken: GuildFake.Token));
        var general = app.Discord.AddChannel("général");
        app.Discord.AddMessages(general, 3, TimeProvider.System.GetUtcNow().AddHours(-2), app.Discord.AddUser("camille"));
        app.Discord.Map();
        using var client = await AdminPageTests.SignedInClientAsync(app);

        var panelPath = await PostFormAsync(client, "form[action='/admin/actions/poll']");
        var done = await WaitForOutcomeAsync(client, panelPath);

        Assert.Equal("Collecter maintenant", done.QuerySelector("section[data-operation] strong")?.TextContent);
        Assert.Matches("^Collecte faite : [0-9]+ messages enregistrés, [0-9]+ salons lus\\.$", done.QuerySelector("[data-operation-state=done]")?.TextContent);
        Assert.Contains(app.Get<MessageStore>().InPeriod(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow()), m => m.ChannelId == general.Id);
    }

    [Fact]
    public async Task Backup_now_runs_in_the_background_and_names_the_snapshot_it_wrote()
    {
        await using var app = App();
        Seed(app);
        using var client = await AdminPageTests.SignedInClientAsync(app);

        var panelPath = await PostFormAsync(client, "form[action='/admin/actions/backup']");
        var done = await WaitForOutcomeAsync(client, panelPath);

        var outcome = done.QuerySelector("[data-operation-state=done]")?.TextContent;
        Assert.StartsWith("Sauvegarde écrite : ", outcome, StringComparison.Ordinal);
        var file = outcome!["Sauvegarde écrite : ".Length..].TrimEnd('.');
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "backups", file)), outcome);
    }

    [Fact]
    public async Task An_unknown_operation_is_a_404_page_with_a_way_back_and_a_stranger_is_sent_to_sign_in()
    {
        await using var app = App();
        using var client = await AdminPageTests.SignedInClientAsync(app);
        using var stranger = app.CreateBrowserLikeClient();

        using var unknown = await client.GetAsync(new Uri("/admin/operations/0123456789abcdef", UriKind.Relative), Token);
        using var signedOut = await stranger.GetAsync(new Uri("/admin/operations/0123456789abcdef", UriKind.Relative), Token);

        var page = new HtmlParser().ParseDocument(await unknown.Content.ReadAsStringAsync(Token));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Action inconnue", page.QuerySelector("section[data-operation=unknown] h2")?.TextContent);
        Assert.StartsWith("Cette action n'est pas connue", page.QuerySelector("[role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/admin']"));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/admin", signedOut.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_run_still_going_at_shutdown_is_cancelled_and_says_so()
    {
        var app = App();
        Seed(app);
        app.Transport.HangUntilCancelled = true;
        var operations = app.Get<AdminOperations>();
        using var client = await AdminPageTests.SignedInClientAsync(app);
        var panelPath = await PostFormAsync(client, "form[action='/admin/actions/send-digest']");
        await app.Transport.SendStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), Token);

        await app.DisposeAsync();

        var operation = operations.Find(panelPath[AdminOperationsPage.PanelPath.Length..]);
        Assert.NotNull(operation);
        Assert.False(operation.IsRunning);
        Assert.Equal("Interrompue : le bot s'arrête. Relancez-la après son redémarrage.", operation.Result?.Message);
    }

    private static TestApp App(Action<IServiceCollection>? services = null) =>
        DigestFixtures.App(Now, new Dictionary<string, string?> { ["Admin:Token"] = AdminApiTests.AdminToken }, services: services);

    private static void Seed(TestApp app)
    {
        app.Get<ChannelStore>().Upsert([DigestFixtures.Channel(10, "général")]);
        app.Get<MessageStore>().Upsert([DigestFixtures.Message(10, "Réunion jeudi", day: Yesterday)]);
    }

    /// Posts a form of the dashboard as a browser would, and returns where the answer sends the browser.
    private static async Task<string> PostFormAsync(HttpClient client, string selector)
    {
        var page = await GetPageAsync(client, "/admin");
        var form = page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException("no form " + selector);
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value);
        using var response = await client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(fields), Token);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    /// Reads the panel as its refresh would, until it shows an outcome.
    private static async Task<IHtmlDocument> WaitForOutcomeAsync(HttpClient client, string path)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            var page = await GetPageAsync(client, path);
            if (page.QuerySelector("[data-operation-state]")?.GetAttribute("data-operation-state") != "running")
            {
                return page;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    private static async Task<IHtmlDocument> GetPageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Token));
    }

    private sealed class ThrowingAction : IAdminAction
    {
        public const string Detail = "the relay went away";

        public string Key => "throwing";

        public string Label(Language language) => "Throwing";

        public bool RunsInBackground => true;

        public Task<string> ExecuteAsync(string? input, Language language, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Detail);
    }
}
