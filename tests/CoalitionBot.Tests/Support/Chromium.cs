using Microsoft.Playwright;

namespace CoalitionBot.Tests.Support;

/// Debian's Chromium driven by Playwright, headless, for the admin pages' browser tests. The
/// browser is installed by ./test.sh (scripts/install-test-tools.sh); a missing one fails the test.
internal sealed class Chromium(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// A phone's viewport, narrower than most: the admin page must fit 360 CSS pixels.
    public static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    public IBrowser Browser => browser;

    public static async Task<Chromium> LaunchAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing: ./test.sh installs it (apt-get install chromium).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new Chromium(playwright, browser);
    }

    /// A new page on a phone-sized screen. <paramref name="bypassCsp"/> lets a test inject its own
    /// script (axe-core) into pages whose Content-Security-Policy allows none.
    public async Task<IPage> NewPhonePageAsync(bool bypassCsp = false, ViewportSize? viewport = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport ?? Phone, IsMobile = true, BypassCSP = bypassCsp });
        return await context.NewPageAsync();
    }

    /// Saved under the test output (bin/.../screenshots/) for a person to look at.
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
