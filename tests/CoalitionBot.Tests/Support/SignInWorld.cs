using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CoalitionBot.Discord;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Tests.Support;

/// A server with its moderators, Discord's OAuth2 played by <see cref="DiscordSignInFake"/>, and the
/// bot with "sign in with Discord" configured: Camille moderates through a role with Manage Server,
/// Malik is a plain member, Ada owns the server (no role), Bea holds a role with Administrator only,
/// and Gus has left.
public sealed class SignInWorld : IAsyncDisposable
{
    private SignInWorld(FakeTimeProvider? clock, IDictionary<string, string?>? settings, int? port)
    {
        Guild = new GuildFake(ulong.Parse(Payloads.GuildId, System.Globalization.CultureInfo.InvariantCulture));
        var redirect = port is { } p ? $"http://127.0.0.1:{p}/admin/signin/discord/callback" : DiscordSignInFake.RedirectUri;
        Discord = new DiscordSignInFake(Guild, redirectUri: redirect);
        var member = Guild.AddRole("Membre");
        var moderation = Guild.AddRole("Modération", Permissions.ViewChannel | Permissions.ManageGuild);
        var office = Guild.AddRole("Bureau", Permissions.Administrator);
        Camille = Guild.AddUser("camille.d", globalName: "Camille Dubois", nick: "Cam");
        Malik = Guild.AddUser("malik");
        Ada = Guild.AddUser("ada");
        Bea = Guild.AddUser("bea", globalName: "Béa");
        Gus = Guild.AddUser("gus");
        Guild.MemberRoles[Camille.Id] = [member, moderation];
        Guild.MemberRoles[Malik.Id] = [member];
        Guild.MemberRoles[Bea.Id] = [office];
        Guild.OwnerId = Ada.Id;
        Guild.Departed.Add(Gus.Id);
        Guild.Map();
        Discord.AuthorizeAs = Camille;
        var all = Discord.Settings();
        if (port is not null)
        {
            // The bot at 127.0.0.1, "Discord" at localhost: two sites, as for real, so the browser
            // treats the way back from Discord as the cross-site navigation it is.
            all["Discord:AuthorizeUrl"] = new UriBuilder(Discord.AuthorizeUrl) { Host = "localhost" }.Uri.ToString();
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        App = new TestApp(new TestAppOptions { Discord = Guild, Settings = all, Clock = clock, Kestrel = port is not null, KestrelPort = port });
    }

    public GuildFake Guild { get; }

    public DiscordSignInFake Discord { get; }

    public TestApp App { get; }

    public FakeUser Camille { get; }

    public FakeUser Malik { get; }

    public FakeUser Ada { get; }

    public FakeUser Bea { get; }

    public FakeUser Gus { get; }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static SignInWorld Start(FakeTimeProvider? clock = null, IDictionary<string, string?>? settings = null) => new(clock, settings, null);

    /// The bot on a real socket at this port (its redirect URL names it), for a real browser.
    public static SignInWorld OnPort(int port, IDictionary<string, string?>? settings = null) => new(null, settings, port);

    /// The way a browser goes: the start link, Discord's authorization page (whose link goes back
    /// with a code, or with error=access_denied), then the callback, optionally with another state.
    public async Task<HttpResponseMessage> WalkAsync(HttpClient browser, Func<string, string>? changeState = null, string? code = null)
    {
        using var start = await browser.GetAsync(new Uri(AdminSignInPaths.Start, UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith(Discord.AuthorizeUrl + "?", start.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var discord = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var consent = new HtmlParser().ParseDocument(await discord.GetStringAsync(start.Headers.Location, Token));
        var back = new Uri(consent.QuerySelector("a#authorize")!.GetAttribute("href")!);
        var query = QueryHelpers.ParseQuery(back.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        if (changeState is not null)
        {
            query["state"] = changeState(query["state"]);
        }

        if (code is not null)
        {
            query["code"] = code;
        }

        return await browser.GetAsync(new Uri(QueryHelpers.AddQueryString(back.AbsolutePath, query!), UriKind.Relative), Token);
    }

    /// The admin page as this browser sees it now.
    public static async Task<IHtmlDocument> PageAsync(HttpClient browser)
    {
        using var response = await browser.GetAsync(new Uri("/admin", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Token));
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Guild.Dispose();
    }
}

/// The sign-in's routes, as a browser or Discord reaches them.
public static class AdminSignInPaths
{
    public const string Start = "/admin/signin/discord";
    public const string Callback = "/admin/signin/discord/callback";
}
