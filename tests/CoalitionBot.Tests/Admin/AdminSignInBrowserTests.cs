using System.Net;
using System.Net.Sockets;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Admin;

/// "Se connecter avec Discord" walked in real Chromium: the bot on a real socket at 127.0.0.1, and
/// WireMock playing Discord at localhost (another site), whose authorization page's "Autoriser"
/// sends the browser back with a code and the state it was given: a navigation started on another
/// site, which does not carry SameSite=Strict cookies on its way (hence the callback's own page).
[Trait("Category", "Process")]
public sealed class AdminSignInBrowserTests
{
    [Fact]
    public async Task A_moderator_clicks_Se_connecter_avec_Discord_and_lands_on_the_page_under_her_name()
    {
        var port = FreePort();
        await using var world = SignInWorld.OnPort(port, new Dictionary<string, string?> { ["Admin:Token"] = AdminApiTests.AdminToken });
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPhonePageAsync(bypassCsp: true);
        await page.GotoAsync($"http://127.0.0.1:{port}/admin");
        await AdminAccessibilityTests.AssertAccessibleAsync(page, "admin-sign-in-with-discord-360.png");

        await page.ClickAsync("a.discord");
        await page.ClickAsync("a#authorize");
        await page.WaitForURLAsync($"http://127.0.0.1:{port}/admin");
        // Without the session cookie this would be the sign-in page again, with no name on it.
        var whoElement = await page.QuerySelectorAsync(".who");
        var who = whoElement is null ? null : await whoElement.TextContentAsync();
        await Chromium.ScreenshotAsync(page, "admin-signed-in-with-discord.png");

        Assert.Equal("Connecté·e en tant que Cam", who);
        Assert.NotNull(await page.QuerySelectorAsync("form[action='/admin/switches']"));
        Assert.Single(world.Guild.Requests, r => r.RequestMessage.Path == GuildFake.ApiPath + "/oauth2/token");
        Assert.Contains(world.Guild.Requests, r => r.RequestMessage.Host == "localhost" && r.RequestMessage.Path == DiscordSignInFake.AuthorizePath);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
