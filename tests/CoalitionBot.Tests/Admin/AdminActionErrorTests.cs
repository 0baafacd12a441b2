using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CoalitionBot.Localization;
using CoalitionBot.Operations;
using CoalitionBot.Tests.Support;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace CoalitionBot.Tests.Admin;

/// Every admin action, from the page or the API, turns a failure into a clean answer and one log line.
public sealed class AdminActionErrorTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// Addresses MimeKit accepts whose address part holds a comma (a quoted local part, a domain
    /// literal): split as a list of recipients, they used to break the mail and answer 500.
    [Theory]
    [InlineData("\"camille,dupont\"@coalition.example")]
    [InlineData("Camille <\"c,d\"@coalition.example>")]
    [InlineData("\", \"@coalition.example")]
    [InlineData("moi@[192.0.2.1,2]")]
    [InlineData("\"Dupont, Camille\" <\"a,,b\"@coalition.example>")]
    public async Task The_test_mail_goes_to_an_address_with_a_comma_exactly_as_given(string input)
    {
        await using var app = new TestApp(AdminApiTests.Enabled());
        using var client = await AdminPageTests.SignedInClientAsync(app);
        var expected = MailboxAddress.Parse(input).Address;

        var page = await SubmitAsync(client, "form[action='/admin/actions/test-mail']", ("input", input));

        Assert.StartsWith("Un test du résumé", page.QuerySelector(".flash")?.TextContent, StringComparison.Ordinal);
        var mail = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(Path.Combine(app.DataDirectory, "outbox"), "*.eml")), Token);
        Assert.Equal(expected, Assert.Single(mail.To.Mailboxes).Address);
    }

    [Fact]
    public async Task Any_address_mimekit_accepts_gets_the_test_mail_or_a_clear_sentence_never_an_exception()
    {
        await using var app = new TestApp(AdminApiTests.Enabled());
        var action = app.Get<IEnumerable<IAdminAction>>().Single(a => a.Key == "test-mail");
        var local = Gen.Frequency(
            (3, Gen.Char["abcxyz0189.-_+"].Array[1, 12].Select(c => new string(c).Trim('.'))),
            (2, Gen.Char[' ', '~'].Array[0, 12].Select(c => "\"" + new string(c).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")));
        var domain = Gen.OneOf(Gen.Const("coalition.example"), Gen.Const("[192.0.2.1]"), Gen.Const("[1,2]"), Gen.Const("exämple.org"), Gen.Const("b"));
        var inputs = Gen.Select(local, domain, Gen.Bool, (l, d, named) => named ? $"\"Nom, Prénom\" <{l}@{d}>" : $"{l}@{d}");

        await inputs.SampleAsync(
            async input =>
            {
                var answer = await action.ExecuteAsync(input, Language.English, Token);
                if (MailboxAddress.TryParse(input, out var parsed) && parsed.Address.Contains('@', StringComparison.Ordinal))
                {
                    Assert.True(answer.StartsWith("A test copy", StringComparison.Ordinal), $"{input}: {answer}");
                    Assert.EndsWith(" went to " + parsed.Address + ".", answer, StringComparison.Ordinal);
                }
                else
                {
                    Assert.Equal("That is not an email address.", answer);
                }
            },
            iter: 300,
            threads: 1);
    }

    [Fact]
    public async Task An_action_that_throws_on_the_page_gives_a_message_and_one_log_line()
    {
        await using var app = new TestApp(AdminApiTests.Enabled(), services => services.AddSingleton<IAdminAction, BrokenAction>());
        using var client = await AdminPageTests.SignedInClientAsync(app);
        var before = app.Logs.Lines.Count;

        var page = await SubmitAsync(client, "form[action='/admin/actions/broken']");

        Assert.Equal("L'action a échoué : " + BrokenAction.Detail, page.QuerySelector(".flash")?.TextContent);
        var line = Assert.Single(app.Logs.Lines.Skip(before), l => l.Level >= LogLevel.Warning);
        Assert.Contains("/admin/actions/broken", line.Message, StringComparison.Ordinal);
        Assert.Contains(BrokenAction.Detail, line.Message, StringComparison.Ordinal);
        Assert.Null(line.Exception);
        // The attempt is in the history all the same, with how it failed.
        var attempt = Assert.Single(app.Get<CoalitionBot.Storage.AuditTrail>().Latest(10));
        Assert.Equal(("action-broken", "token", "InvalidOperationException"), (attempt.Kind, attempt.Actor, attempt.Detail));
    }

    [Fact]
    public async Task An_admin_api_action_that_fails_answers_a_clean_json_500_and_one_log_line()
    {
        using var data = new TempDirectory("coalitionbot-admin-broken-");
        // A folder where the database file should be: every write fails.
        Directory.CreateDirectory(Path.Combine(data.Path, "coalitionbot.db"));
        await using var app = new TestApp(AdminApiTests.Enabled(), dataDirectory: data.Path);
        var before = app.Logs.Lines.Count;

        using var response = await app.Client.SendAsync(AdminApiTests.Authorized(HttpMethod.Post, "/admin/api/channels/1300000000000000201/exclude"), Token);

        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(500, (int)JsonNode.Parse(body)!["status"]!);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain(data.Path, body, StringComparison.Ordinal);
        var line = Assert.Single(app.Logs.Lines.Skip(before), l => l.Level >= LogLevel.Warning);
        Assert.Contains("/admin/api/channels/1300000000000000201/exclude", line.Message, StringComparison.Ordinal);
        Assert.Null(line.Exception);
    }

    [Fact]
    public async Task The_admin_status_still_answers_when_one_of_its_parts_fails_and_says_why()
    {
        await using var app = new TestApp(AdminApiTests.Enabled(), services => services.AddSingleton<IStatusSection, BrokenSection>());
        var before = app.Logs.Lines.Count;

        using var response = await app.Client.SendAsync(AdminApiTests.Authorized(HttpMethod.Get, "/admin/api/status"), Token);

        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BrokenSection.Detail, (string)JsonNode.Parse(body)!["sections"]!["broken"]!["error"]!);
        var line = Assert.Single(app.Logs.Lines.Skip(before), l => l.Level >= LogLevel.Warning);
        Assert.Contains(BrokenSection.Detail, line.Message, StringComparison.Ordinal);
    }

    private static async Task<IHtmlDocument> SubmitAsync(HttpClient client, string selector, params (string Name, string Value)[] values)
    {
        using var pageResponse = await client.GetAsync(new Uri("/admin", UriKind.Relative), Token);
        var page = new HtmlParser().ParseDocument(await pageResponse.Content.ReadAsStringAsync(Token));
        var form = page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException("no form " + selector);
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        using var response = await client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(fields), Token);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Token)}");
        using var after = await client.GetAsync(response.Headers.Location, Token);
        return new HtmlParser().ParseDocument(await after.Content.ReadAsStringAsync(Token));
    }

    private sealed class BrokenAction : IAdminAction
    {
        public const string Detail = "the relay went away";

        public string Key => "broken";

        public string Label(Language language) => "Broken";

        public Task<string> ExecuteAsync(string? input, Language language, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Detail);
    }

    private sealed class BrokenSection : IStatusSection
    {
        public const string Detail = "no status today";

        public string Name => "broken";

        public JsonNode? Describe() => throw new InvalidOperationException(Detail);
    }
}
