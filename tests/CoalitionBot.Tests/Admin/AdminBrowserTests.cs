using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.Playwright;

namespace CoalitionBot.Tests.Admin;

/// The admin page in a real browser: Debian's Chromium, driven by Playwright, on a phone-sized
/// screen, against the bot on a real socket.
public sealed class AdminBrowserTests
{
    private const string ChromiumPath = "/usr/bin/chromium";

    [Fact]
    public async Task A_moderator_signs_in_on_a_phone_and_excludes_a_channel()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: ./test.sh installs it (apt-get install chromium).");
        await using var app = new TestApp(AdminApiTests.Enabled(), kestrel: true);
        app.Get<ChannelListStore>().SetImportant(1300000000000000201UL, "annonces", important: true, new Actor(1, "Camille"));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true });
        var page = await context.NewPageAsync();
        var admin = new Uri(app.Client.BaseAddress!, "/admin").ToString();

        await page.GotoAsync(admin);
        await page.FillAsync("input[name=token]", AdminApiTests.AdminToken);
        await page.ClickAsync("form[action='/admin/login'] button");
        await page.WaitForSelectorAsync("tr[data-channel='1300000000000000201']");
        await page.ClickAsync("form[action='/admin/channels/1300000000000000201/exclude'] button");
        var state = await page.TextContentAsync("tr[data-channel='1300000000000000201'] .state");
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "admin-phone.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });

        Assert.StartsWith("exclu — par admin", state, StringComparison.Ordinal);
        Assert.True(app.Get<ChannelListStore>().IsExcluded(1300000000000000201UL));
        Assert.Equal("C'est fait.", await page.TextContentAsync(".flash"));
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot should show the page");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page must fit a phone's width");
    }
}
