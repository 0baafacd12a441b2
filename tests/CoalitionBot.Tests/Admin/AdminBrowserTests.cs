using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.Playwright;

namespace CoalitionBot.Tests.Admin;

/// The admin page in a real browser: Debian's Chromium, driven by Playwright, on a phone-sized
/// screen, against the bot on a real socket.
[Trait("Category", "Process")]
public sealed class AdminBrowserTests
{
    private const string ChromiumPath = "/usr/bin/chromium";

    [Fact]
    public async Task A_moderator_sends_yesterdays_digest_reads_it_and_sends_a_test_from_a_phone()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: ./test.sh installs it (apt-get install chromium).");
        var settings = AdminApiTests.Enabled();
        settings["Digest:To"] = "liste@coalition.example";
        settings["Digest:From"] = "Coalition <bot@coalition.example>";
        await using var app = new TestApp(settings, kestrel: true);
        var yesterday = CoalitionBot.Digest.DigestPeriod.LastCompleteDay(TimeProvider.System.GetUtcNow(), DigestFixtures.Brussels);
        app.Get<ChannelStore>().Upsert([DigestFixtures.Channel(10, "général")]);
        app.Get<MessageStore>().Upsert([DigestFixtures.Message(10, "Réunion **jeudi** à 19 h", day: yesterday), DigestFixtures.Message(10, "Je serai là", author: 2, day: yesterday)]);
        await using var browser = await LaunchAsync();
        var page = await SignedInPhonePageAsync(browser, app);

        await page.ClickAsync("button[value='send-digest']");
        // A long action: its status panel refreshes itself until the outcome is there.
        await page.WaitForSelectorAsync("[data-operation-state=done]");
        await page.ClickAsync("a[href='/admin']");
        var state = await page.TextContentAsync($"tr[data-digest='{yesterday:yyyy-MM-dd}'] .digest-state");
        await ScreenshotAsync(page, "admin-after-send.png");
        await page.FillAsync("form[action='/admin/actions/test-mail'] input[name=input]", "moi@coalition.example");
        await page.ClickAsync("button[value='test-mail']");
        var flash = await page.TextContentAsync(".flash");
        await page.ClickAsync($"tr[data-digest='{yesterday:yyyy-MM-dd}'] a");
        var mailed = await page.TextContentAsync("body");
        await ScreenshotAsync(page, "admin-digest-as-mailed.png");

        Assert.Equal("envoyé · 2 messages", state);
        Assert.StartsWith("Un test du résumé", flash, StringComparison.Ordinal);
        Assert.Contains("Réunion jeudi à 19 h", mailed, StringComparison.Ordinal);
        var outbox = Directory.GetFiles(Path.Combine(app.DataDirectory, "outbox"), "*.eml");
        Assert.Equal(2, outbox.Length);
        Assert.Single(outbox, f => File.ReadAllText(f).Contains("moi@coalition.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_moderator_signs_in_on_a_phone_and_excludes_a_channel()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: ./test.sh installs it (apt-get install chromium).");
        await using var app = new TestApp(AdminApiTests.Enabled(), kestrel: true);
        app.Get<ChannelListStore>().SetImportant(1300000000000000201UL, "annonces", important: true, new Actor(1, "Camille"));
        await using var browser = await LaunchAsync();
        var page = await SignedInPhonePageAsync(browser, app);

        await page.WaitForSelectorAsync("tr[data-channel='1300000000000000201']");
        await page.ClickAsync("form[action='/admin/channels/1300000000000000201/exclude'] button");
        var state = await page.TextContentAsync("tr[data-channel='1300000000000000201'] .state");
        var screenshot = await ScreenshotAsync(page, "admin-phone.png");

        Assert.StartsWith("exclu — par token", state, StringComparison.Ordinal);
        Assert.True(app.Get<ChannelListStore>().IsExcluded(1300000000000000201UL));
        Assert.Equal("C'est fait.", await page.TextContentAsync(".flash"));
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot should show the page");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page must fit a phone's width");
    }

    private static async Task<BrowserSession> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new BrowserSession(playwright, browser);
    }

    private static async Task<IPage> SignedInPhonePageAsync(BrowserSession session, TestApp app)
    {
        var context = await session.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.Client.BaseAddress!, "/admin").ToString());
        await page.FillAsync("input[name=token]", AdminApiTests.AdminToken);
        await page.ClickAsync("form[action='/admin/login'] button");
        await page.WaitForSelectorAsync("form[action='/admin/switches']");
        return page;
    }

    /// Saved under the test output (bin/.../screenshots/) for a person to look at.
    private static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private sealed class BrowserSession(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
    {
        public IBrowser Browser => browser;

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
