using System.Net;
using AngleSharp.Html.Dom;
using CoalitionBot.Admin;
using CoalitionBot.Security;
using CoalitionBot.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Tests.Admin;

/// "Se connecter avec Discord" against WireMock playing Discord's OAuth2 and member endpoints:
/// who gets in (members with Manage Server, the owner, administrators), who does not and what
/// they read, the state check, the lockout, and how Discord sessions live and end.
public sealed class AdminSignInTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_moderator_signs_in_with_Discord_and_the_page_says_who_she_is()
    {
        await using var world = SignInWorld.Start();
        using var browser = world.App.CreateBrowserLikeClient();
        var signInPage = await SignInWorld.PageAsync(browser);

        using var start = await browser.GetAsync(new Uri(AdminSignInPaths.Start, UriKind.Relative), Token);
        var authorize = start.Headers.Location!;
        var query = QueryHelpers.ParseQuery(authorize.Query);
        var stateCookie = Assert.Single(start.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AdminSignIn.StateCookie + "=", StringComparison.Ordinal));
        using var callback = await world.WalkAsync(browser);
        var callbackBody = await callback.Content.ReadAsStringAsync(Token);
        var page = await SignInWorld.PageAsync(browser);

        Assert.Equal("Se connecter avec Discord", signInPage.QuerySelector("a.discord[href='/admin/signin/discord']")?.TextContent);
        Assert.Equal(world.Discord.AuthorizeUrl, authorize.GetLeftPart(UriPartial.Path));
        Assert.Equal(("code", Payloads.ApplicationId, "identify", DiscordSignInFake.RedirectUri), (query["response_type"].ToString(), query["client_id"].ToString(), query["scope"].ToString(), query["redirect_uri"].ToString()));
        Assert.Equal(43, query["state"].ToString().Length);
        Assert.Contains("httponly", stateCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", stateCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", stateCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/admin/signin/discord/callback", stateCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        Assert.Contains("""<meta http-equiv="refresh" content="0; url=/admin">""", callbackBody, StringComparison.Ordinal);
        Assert.Contains(callback.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AdminSession.CookieName + "=", StringComparison.Ordinal) && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(page.QuerySelector("form[action='/admin/switches']"));
        // Named as the server shows her (her nickname there), as slash commands name her.
        Assert.Equal("Connecté·e en tant que Cam", page.QuerySelector(".who")?.TextContent);
        Assert.Contains("page d'administration protégée par la connexion avec Discord (Gérer le serveur) ; pas d'API, Admin:Token manque", page.Body!.TextContent, StringComparison.Ordinal);
        var session = Assert.Single(world.App.Get<AdminSessionStore>().All());
        Assert.Equal(("discord", Payloads.Id(world.Camille.Id), "Cam"), (session.SignedInWith, session.UserId, session.UserName));
        Assert.Equal(world.Discord.AccessTokens.Order(), world.Discord.Revoked.Order());
        world.Guild.AssertNoUnexpectedRequests();
    }

    [Fact]
    public async Task A_wrong_state_is_refused_before_the_code_is_exchanged()
    {
        await using var world = SignInWorld.Start();
        using var browser = world.App.CreateBrowserLikeClient();

        using var callback = await world.WalkAsync(browser, changeState: state => state[..^2] + (state[^2..] == "AA" ? "BB" : "AA"));
        var page = await SignInWorld.PageAsync(browser);

        AssertRefused(callback, page, HttpStatusCode.Forbidden, "La connexion avec Discord n'a pas pu être vérifiée (lien expiré ou ouvert dans un autre navigateur) : recommencez depuis cette page.");
        Assert.Empty(world.Guild.RequestsTo("/oauth2/token"));
        Assert.Equal(1, world.App.Get<Refusals>().Counts().ByReason["signInStateMismatch"]);
    }

    [Fact]
    public async Task A_callback_without_the_state_cookie_is_refused_before_the_code_is_exchanged()
    {
        await using var world = SignInWorld.Start();
        using var browser = world.App.CreateBrowserLikeClient();
        var code = world.Discord.CodeFor(world.Camille);

        using var callback = await browser.GetAsync(new Uri($"{AdminSignInPaths.Callback}?code={code}&state=made-up-by-someone-else", UriKind.Relative), Token);
        var page = await SignInWorld.PageAsync(browser);

        AssertRefused(callback, page, HttpStatusCode.Forbidden, "La connexion avec Discord n'a pas pu être vérifiée (lien expiré ou ouvert dans un autre navigateur) : recommencez depuis cette page.");
        Assert.Empty(world.Guild.RequestsTo("/oauth2/token"));
    }

    [Fact]
    public async Task Declining_on_Discords_consent_screen_comes_back_with_a_sentence()
    {
        await using var world = SignInWorld.Start();
        world.Discord.AuthorizeAs = null;
        using var browser = world.App.CreateBrowserLikeClient();

        using var callback = await world.WalkAsync(browser);
        var page = await SignInWorld.PageAsync(browser);

        AssertRefused(callback, page, HttpStatusCode.Forbidden, "Vous avez refusé l'autorisation sur Discord : vous n'êtes pas connecté·e.");
        Assert.Empty(world.Guild.RequestsTo("/oauth2/token"));
    }

    [Fact]
    public async Task A_code_Discord_refuses_with_invalid_grant_signs_nobody_in()
    {
        await using var world = SignInWorld.Start();
        using var browser = world.App.CreateBrowserLikeClient();

        using var callback = await world.WalkAsync(browser, code: "not-a-code-discord-gave");
        var page = await SignInWorld.PageAsync(browser);

        AssertRefused(callback, page, HttpStatusCode.Forbidden, "Discord n'a pas confirmé la connexion (code expiré ou déjà utilisé) : recommencez depuis cette page.");
        Assert.Single(world.Guild.RequestsTo("/oauth2/token"));
        Assert.Empty(world.Guild.RequestsTo("/users/@me"));
        Assert.Equal(1, world.App.Get<Refusals>().Counts().ByReason["signInCodeRefused"]);
    }

    [Fact]
    public async Task A_member_without_Manage_Server_is_refused_and_her_token_revoked()
    {
        await using var world = SignInWorld.Start();
        world.Discord.AuthorizeAs = world.Malik;
        using var browser = world.App.CreateBrowserLikeClient();

        using var callback = await world.WalkAsync(browser);
        var page = await SignInWorld.PageAsync(browser);

        AssertRefused(callback, page, HttpStatusCode.Forbidden, "Ce compte Discord n'a pas la permission « Gérer le serveur » : demandez-la à une personne qui administre le serveur.");
        Assert.Equal(world.Discord.AccessTokens.Order(), world.Discord.Revoked.Order());
        Assert.Contains(world.App.Logs.Lines, l => l.Message.StartsWith($"Admin: Discord sign-in refused for malik ({world.Malik.Id}), no Manage Server permission", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Someone_who_left_the_server_is_refused()
    {
        await using var world = SignInWorld.Start();
        world.Discord.AuthorizeAs = world.Gus;
        using var browser = world.App.CreateBrowserLikeClient();

        using var callback = await world.WalkAsync(browser);
        var page = await SignInWorld.PageAsync(browser);

        AssertRefused(callback, page, HttpStatusCode.Forbidden, "Ce compte Discord n'est pas membre du serveur de la coalition.");
        Assert.Single(world.Guild.RequestsTo($"/guilds/{Payloads.GuildId}/members/{world.Gus.Id}"));
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("administrator")]
    public async Task The_owner_and_an_administrator_get_in_without_Manage_Server_itself(string who)
    {
        await using var world = SignInWorld.Start();
        var user = who == "owner" ? world.Ada : world.Bea;
        world.Discord.AuthorizeAs = user;
        using var browser = world.App.CreateBrowserLikeClient();

        using var callback = await world.WalkAsync(browser);
        var page = await SignInWorld.PageAsync(browser);

        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        Assert.Equal($"Connecté·e en tant que {user.GlobalName ?? user.Username}", page.QuerySelector(".who")?.TextContent);
    }

    [Fact]
    public async Task When_Discord_cannot_be_asked_the_sign_in_says_so_and_counts_no_failure()
    {
        await using var world = SignInWorld.Start();
        world.Guild.Outage = 401;
        using var browser = world.App.CreateBrowserLikeClient();

        using var callback = await world.WalkAsync(browser);
        var page = await SignInWorld.PageAsync(browser);

        AssertRefused(callback, page, HttpStatusCode.ServiceUnavailable, "Discord ne répond pas pour l'instant : réessayez dans quelques minutes.");
        Assert.True(world.App.Get<FailedAttempts>().MayTry(new Microsoft.AspNetCore.Http.DefaultHttpContext()));
        Assert.Contains(world.App.Logs.Lines, l => l.Message.StartsWith("Admin: Discord sign-in could not finish, Discord could not be asked (Discord answered 401", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Repeated_failures_lock_the_address_out_before_Discord_is_asked_again()
    {
        await using var world = SignInWorld.Start();
        using var browser = world.App.CreateBrowserLikeClient();
        for (var i = 0; i < FailedAttempts.PermitsPerWindow; i++)
        {
            using var refused = await world.WalkAsync(browser, code: "guess-" + i);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var start = await browser.GetAsync(new Uri(AdminSignInPaths.Start, UriKind.Relative), Token);
        var code = world.Discord.CodeFor(world.Camille);
        using var callback = await browser.GetAsync(new Uri($"{AdminSignInPaths.Callback}?code={code}&state=any", UriKind.Relative), Token);
        var page = await SignInWorld.PageAsync(browser);

        Assert.Equal(new Uri("/admin", UriKind.Relative), start.Headers.Location);
        AssertRefused(callback, page, HttpStatusCode.TooManyRequests, "Trop d'essais : réessayez dans quelques minutes.");
        Assert.Equal(FailedAttempts.PermitsPerWindow, world.Guild.RequestsTo("/oauth2/token").Count);
    }

    [Fact]
    public async Task A_Discord_session_ends_after_twelve_idle_hours()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var world = SignInWorld.Start(clock);
        using var browser = world.App.CreateBrowserLikeClient();
        using var callback = await world.WalkAsync(browser);

        clock.Advance(AdminSession.IdleLifetime + TimeSpan.FromMinutes(1));
        var page = await SignInWorld.PageAsync(browser);

        Assert.Null(page.QuerySelector("form[action='/admin/switches']"));
        Assert.NotNull(page.QuerySelector("a.discord"));
        Assert.Empty(world.App.Get<AdminSessionStore>().All());
    }

    [Theory]
    [InlineData("left")]
    [InlineData("lost Manage Server")]
    public async Task Who_leaves_the_server_or_loses_Manage_Server_is_signed_out_at_the_next_check(string change)
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var world = SignInWorld.Start(clock);
        using var browser = world.App.CreateBrowserLikeClient();
        using var callback = await world.WalkAsync(browser);
        var memberRequests = world.Guild.RequestsTo($"/guilds/{Payloads.GuildId}/members/").Count;

        clock.Advance(TimeSpan.FromMinutes(4));
        var beforeTheCheck = await SignInWorld.PageAsync(browser);
        var requestsBeforeTheCheck = world.Guild.RequestsTo($"/guilds/{Payloads.GuildId}/members/").Count;
        if (change == "left")
        {
            world.Guild.Departed.Add(world.Camille.Id);
        }
        else
        {
            world.Guild.MemberRoles[world.Camille.Id] = [];
        }

        clock.Advance(TimeSpan.FromMinutes(2));
        using var checkedResponse = await browser.GetAsync(new Uri("/admin", UriKind.Relative), Token);
        var after = await SignInWorld.PageAsync(browser);

        Assert.NotNull(beforeTheCheck.QuerySelector("form[action='/admin/switches']"));
        Assert.Equal(memberRequests, requestsBeforeTheCheck);
        Assert.Equal(HttpStatusCode.Redirect, checkedResponse.StatusCode);
        Assert.Null(after.QuerySelector("form[action='/admin/switches']"));
        Assert.Equal("Votre session a pris fin : ce compte n'est plus membre du serveur ou n'a plus la permission « Gérer le serveur ».", after.QuerySelector("[role=alert]")?.TextContent);
        Assert.Empty(world.App.Get<AdminSessionStore>().All());
    }

    [Fact]
    public async Task The_check_guards_every_admin_page_the_preview_included()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var world = SignInWorld.Start(clock);
        using var browser = world.App.CreateBrowserLikeClient();
        using var callback = await world.WalkAsync(browser);
        world.Guild.Departed.Add(world.Camille.Id);

        clock.Advance(TimeSpan.FromMinutes(6));
        using var preview = await browser.GetAsync(new Uri("/admin/preview", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.Redirect, preview.StatusCode);
        Assert.Equal("/admin", preview.Headers.Location?.ToString());
        Assert.Empty(world.App.Get<AdminSessionStore>().All());
    }

    [Fact]
    public async Task A_session_unused_for_two_hours_is_checked_with_Discord_and_goes_on()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var world = SignInWorld.Start(clock);
        using var browser = world.App.CreateBrowserLikeClient();
        using var callback = await world.WalkAsync(browser);
        var memberRequests = world.Guild.RequestsTo($"/guilds/{Payloads.GuildId}/members/").Count;

        clock.Advance(TimeSpan.FromHours(2));
        var page = await SignInWorld.PageAsync(browser);

        Assert.NotNull(page.QuerySelector("form[action='/admin/switches']"));
        Assert.Equal(memberRequests + 1, world.Guild.RequestsTo($"/guilds/{Payloads.GuildId}/members/").Count);
        Assert.Equal(clock.GetUtcNow(), Assert.Single(world.App.Get<AdminSessionStore>().All()).CheckedAt, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task While_Discord_cannot_be_asked_a_session_lives_on_at_most_an_hour_past_its_last_check()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var world = SignInWorld.Start(clock);
        using var browser = world.App.CreateBrowserLikeClient();
        using var callback = await world.WalkAsync(browser);
        world.Guild.Outage = 401;

        clock.Advance(TimeSpan.FromMinutes(30));
        var halfAnHourLater = await SignInWorld.PageAsync(browser);
        clock.Advance(TimeSpan.FromMinutes(31));
        var anHourLater = await SignInWorld.PageAsync(browser);

        Assert.NotNull(halfAnHourLater.QuerySelector("form[action='/admin/switches']"));
        Assert.Null(anHourLater.QuerySelector("form[action='/admin/switches']"));
        Assert.Contains(world.App.Logs.Lines, l => l.Message.StartsWith($"Admin: the periodic check of Cam ({world.Camille.Id})'s session could not ask Discord", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_client_secret_ends_every_Discord_session()
    {
        await using var world = SignInWorld.Start();
        using var browser = world.App.CreateBrowserLikeClient();
        using var callback = await world.WalkAsync(browser);
        await world.App.RestartAsync();
        using var afterRestart = world.App.CreateBrowserLikeClient();
        afterRestart.DefaultRequestHeaders.Add("Cookie", CookieOf(callback));
        var sameSecret = await SignInWorld.PageAsync(afterRestart);

        await world.App.RestartAsync(new Dictionary<string, string?> { ["Discord:ClientSecret"] = "another-client-secret-Qw3rTy" });
        using var afterNewSecret = world.App.CreateBrowserLikeClient();
        afterNewSecret.DefaultRequestHeaders.Add("Cookie", CookieOf(callback));
        var newSecret = await SignInWorld.PageAsync(afterNewSecret);

        Assert.NotNull(sameSecret.QuerySelector("form[action='/admin/switches']"));
        Assert.Null(newSecret.QuerySelector("form[action='/admin/switches']"));
    }

    [Fact]
    public async Task With_Discord_sign_in_alone_the_page_works_the_token_form_is_gone_and_the_api_does_not_exist()
    {
        await using var world = SignInWorld.Start();
        using var browser = world.App.CreateBrowserLikeClient();

        var signIn = await SignInWorld.PageAsync(browser);
        using var api = await world.App.Client.GetAsync(new Uri("/admin/api/status", UriKind.Relative), Token);

        Assert.NotNull(signIn.QuerySelector("a.discord"));
        Assert.Null(signIn.QuerySelector("input[name=token]"));
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }

    [Fact]
    public async Task With_the_token_too_the_sign_in_page_offers_both_ways()
    {
        await using var world = SignInWorld.Start(settings: new Dictionary<string, string?> { ["Admin:Token"] = AdminApiTests.AdminToken });
        using var browser = world.App.CreateBrowserLikeClient();

        var signIn = await SignInWorld.PageAsync(browser);

        Assert.NotNull(signIn.QuerySelector("a.discord"));
        Assert.NotNull(signIn.QuerySelector("form[action='/admin/login'] input[name=token]"));
        Assert.Equal(["h1", "h2", "h3"], signIn.QuerySelectorAll("h1, h2, h3").Select(h => h.LocalName));
    }

    [Fact]
    public async Task Without_a_client_secret_there_is_no_Discord_sign_in()
    {
        await using var app = new TestApp(AdminApiTests.Enabled());
        using var browser = app.CreateBrowserLikeClient();

        using var start = await browser.GetAsync(new Uri(AdminSignInPaths.Start, UriKind.Relative), Token);
        using var callback = await browser.GetAsync(new Uri(AdminSignInPaths.Callback + "?code=x&state=y", UriKind.Relative), Token);
        var page = await SignInWorld.PageAsync(browser);

        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, callback.StatusCode);
        Assert.Null(page.QuerySelector("a.discord"));
        Assert.NotNull(page.QuerySelector("input[name=token]"));
    }

    [Fact]
    public void Half_a_Discord_sign_in_configuration_stops_the_start_with_one_line_naming_what_is_missing()
    {
        var logs = new LogCollector();
        using var factory = new CoalitionBotFactory(
            new Dictionary<string, string?> { ["Discord:ClientSecret"] = DiscordSignInFake.ClientSecret, ["Discord:ApplicationId"] = Payloads.ApplicationId, ["Admin:Token"] = AdminApiTests.AdminToken },
            logs);

        Assert.ThrowsAny<Exception>(() => factory.Services);

        var error = Assert.Single(logs.Lines, l => l.Message.StartsWith("Configuration error:", StringComparison.Ordinal));
        Assert.Contains("Discord:ClientSecret turns on sign-in with Discord, which also needs Discord:RedirectUri, Discord:BotToken, Discord:GuildId (or leave Discord:ClientSecret empty", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DiscordSignInFake.ClientSecret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Neither_the_client_secret_nor_a_code_nor_a_token_reaches_the_logs()
    {
        await using var world = SignInWorld.Start();
        using var browser = world.App.CreateBrowserLikeClient();
        using var success = await world.WalkAsync(browser);
        using var wrongCode = await world.WalkAsync(world.App.CreateBrowserLikeClient(), code: "a-code-nobody-gave-0123");
        world.Discord.AuthorizeAs = world.Malik;
        using var refused = await world.WalkAsync(world.App.CreateBrowserLikeClient());
        var page = await SignInWorld.PageAsync(browser);

        var logs = string.Join('\n', world.App.Logs.Lines.Select(l => l.Message + l.Exception))
            + string.Join('\n', page.QuerySelectorAll("pre").Select(p => p.TextContent));
        Assert.Contains("signed in with Discord", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(DiscordSignInFake.ClientSecret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(GuildFake.Token, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("a-code-nobody-gave-0123", logs, StringComparison.Ordinal);
        Assert.All(world.Discord.IssuedCodes, code => Assert.DoesNotContain(code, logs, StringComparison.Ordinal));
        Assert.All(world.Discord.AccessTokens, token => Assert.DoesNotContain(token, logs, StringComparison.Ordinal));
    }

    [Fact]
    public void The_fakes_answers_are_shaped_as_Discord_sends_them()
    {
        using var guild = new GuildFake();
        var user = guild.AddUser("camille.d", globalName: "Camille Dubois");
        var role = guild.AddRole("Modération", CoalitionBot.Discord.Permissions.ManageGuild);

        OpenApiSchemas.AssertValid(OpenApiSchemas.ResponseBody("/users/@me", "get"), DiscordSignInFake.Me(user).ToJsonString(), "users/@me");
        OpenApiSchemas.AssertValid(OpenApiSchemas.ResponseBody("/guilds/{guild_id}/members/{user_id}", "get"), Payloads.Member(user, [role]).ToJsonString(), "member with roles");
        OpenApiSchemas.AssertValid(OpenApiSchemas.ResponseBody("/guilds/{guild_id}", "get"),
            Payloads.Guild(guild.Guild, "Coalition", [Payloads.Role(guild.Guild, "@everyone", 0), Payloads.Role(role, "Modération", 1, CoalitionBot.Discord.Permissions.ManageGuild)], ownerId: user.Id).ToJsonString(), "guild with its owner");
    }

    private static void AssertRefused(HttpResponseMessage callback, IHtmlDocument page, HttpStatusCode status, string sentence)
    {
        Assert.Equal(status, callback.StatusCode);
        Assert.DoesNotContain(callback.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(AdminSession.CookieName + "=", StringComparison.Ordinal));
        Assert.Null(page.QuerySelector("form[action='/admin/switches']"));
        Assert.Equal(sentence, page.QuerySelector("[role=alert]")?.TextContent);
    }

    private static string CookieOf(HttpResponseMessage response)
    {
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AdminSession.CookieName + "=", StringComparison.Ordinal));
        return cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
    }
}
