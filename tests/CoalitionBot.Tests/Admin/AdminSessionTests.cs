using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Tests.Admin;

/// Sign-in sessions live on the server: a random id in the cookie, a sliding lifetime with a cap,
/// and a sign-out that ends them there, one or all.
public sealed class AdminSessionTests
{
    private const string CookieName = "coalitionbot_admin";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_sign_in_gets_its_own_random_session_id_never_the_token_or_a_value_derived_from_it()
    {
        await using var app = new TestApp(AdminApiTests.Enabled());

        var first = await SignInAsync(app);
        var second = await SignInAsync(app);

        Assert.NotEqual(first, second);
        Assert.DoesNotContain(AdminApiTests.AdminToken, first, StringComparison.Ordinal);
        Assert.True(first.Length >= 40, first);
        Assert.True(await IsSignedInAsync(app, first));
        Assert.True(await IsSignedInAsync(app, second));
        Assert.False(await IsSignedInAsync(app, first[..^2] + (first[^2..] == "AA" ? "BB" : "AA")));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copied_cookie_no_longer_works()
    {
        await using var app = new TestApp(AdminApiTests.Enabled());
        using var client = app.CreateBrowserLikeClient();
        var cookie = await SignInAsync(app, client);
        var page = await PageAsync(client);

        using var signOut = await PostFormAsync(client, page, "form[action='/admin/logout']");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.False(await IsSignedInAsync(app, cookie));
    }

    [Fact]
    public async Task Sign_out_everywhere_on_the_page_ends_every_session()
    {
        await using var app = new TestApp(AdminApiTests.Enabled());
        using var client = app.CreateBrowserLikeClient();
        var mine = await SignInAsync(app, client);
        var other = await SignInAsync(app);
        var page = await PageAsync(client);

        using var response = await PostFormAsync(client, page, "form[action='/admin/logout-everywhere']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await IsSignedInAsync(app, mine));
        Assert.False(await IsSignedInAsync(app, other));
    }

    [Fact]
    public async Task Sessions_are_listed_and_ended_through_the_api()
    {
        await using var app = new TestApp(AdminApiTests.Enabled());
        var first = await SignInAsync(app);
        var second = await SignInAsync(app);

        var listed = await SendJsonAsync(app, HttpMethod.Get, "/admin/api/sessions");
        var revoked = await SendJsonAsync(app, HttpMethod.Delete, "/admin/api/sessions");
        var after = await SendJsonAsync(app, HttpMethod.Get, "/admin/api/sessions");

        var sessions = listed["sessions"]!.AsArray();
        Assert.Equal(2, sessions.Count);
        Assert.All(sessions, s => Assert.Equal("token", (string)s!["signedInWith"]!));
        Assert.All(sessions, s => Assert.NotNull((string?)s!["issuedAt"]));
        Assert.DoesNotContain(first, listed.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(2, (int)revoked["revoked"]!);
        Assert.Empty(after["sessions"]!.AsArray());
        Assert.False(await IsSignedInAsync(app, first));
        Assert.False(await IsSignedInAsync(app, second));
    }

    [Fact]
    public async Task A_session_slides_while_used_and_ends_after_twelve_idle_hours()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = new TestApp(AdminApiTests.Enabled(), services => services.AddSingleton<TimeProvider>(clock));
        var used = await SignInAsync(app);
        var idle = await SignInAsync(app);

        clock.Advance(TimeSpan.FromHours(11));
        var usedAfter11 = await IsSignedInAsync(app, used);
        clock.Advance(TimeSpan.FromHours(11));
        var usedAfter22 = await IsSignedInAsync(app, used);
        var idleAfter22 = await IsSignedInAsync(app, idle);
        clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));
        var usedAfterIdle12 = await IsSignedInAsync(app, used);

        Assert.True(usedAfter11);
        Assert.True(usedAfter22);
        Assert.False(idleAfter22);
        Assert.False(usedAfterIdle12);
    }

    [Fact]
    public async Task A_session_ends_after_seven_days_however_much_it_is_used()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = new TestApp(AdminApiTests.Enabled(), services => services.AddSingleton<TimeProvider>(clock));
        var cookie = await SignInAsync(app);
        var stillIn = new List<bool>();

        for (var hours = 10; hours < 7 * 24; hours += 10)
        {
            clock.Advance(TimeSpan.FromHours(10));
            stillIn.Add(await IsSignedInAsync(app, cookie));
        }

        clock.Advance(TimeSpan.FromHours(10));
        var afterSevenDays = await IsSignedInAsync(app, cookie);

        Assert.All(stillIn, Assert.True);
        Assert.False(afterSevenDays);
    }

    [Fact]
    public async Task Changing_the_admin_token_ends_every_session()
    {
        await using var app = new TestApp(AdminApiTests.Enabled());
        var cookie = await SignInAsync(app);
        await app.RestartAsync();
        var afterRestart = await IsSignedInAsync(app, cookie);

        await app.RestartAsync(new Dictionary<string, string?> { ["Admin:Token"] = "another-long-enough-admin-token" });

        Assert.True(afterRestart);
        Assert.False(await IsSignedInAsync(app, cookie));
    }

    /// Signs in through the page's form and returns the session cookie's value.
    private static async Task<string> SignInAsync(TestApp app, HttpClient? client = null)
    {
        using var own = client is null ? app.CreateBrowserLikeClient() : null;
        var browser = client ?? own!;
        var page = await PageAsync(browser);
        using var response = await PostFormAsync(browser, page, "form[action='/admin/login']", ("token", AdminApiTests.AdminToken));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CookieName + "=", StringComparison.Ordinal));
        return cookie[(CookieName.Length + 1)..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    /// Whether a browser holding only this cookie sees the dashboard rather than the sign-in form.
    private static async Task<bool> IsSignedInAsync(TestApp app, string cookie)
    {
        using var client = app.CreateBrowserLikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", $"{CookieName}={cookie}");
        using var response = await client.SendAsync(request, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Token));
        return page.QuerySelector("input[name=token]") is null && page.QuerySelector("form[action='/admin/switches']") is not null;
    }

    private static async Task<IHtmlDocument> PageAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/admin", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Token));
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, IHtmlDocument page, string selector, params (string Name, string Value)[] values)
    {
        var form = page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException("no form " + selector);
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        return await client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(fields), Token);
    }

    private static async Task<JsonNode> SendJsonAsync(TestApp app, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminApiTests.AdminToken);
        using var response = await app.Client.SendAsync(request, Token);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }
}
