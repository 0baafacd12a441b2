using System.Text.Json;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.Playwright;

namespace CoalitionBot.Tests.Admin;

/// The admin pages in real Chromium on a 360 px wide phone screen, checked by axe-core (tests/a11y,
/// from npm, injected into the page): labels, names, headings, landmarks, contrast and target sizes
/// (WCAG 2.2 A and AA rules), plus what axe cannot judge alone: the layout fits the width, and the
/// keyboard walks every control in reading order with a visible focus.
[Trait("Category", "Process")]
public sealed class AdminAccessibilityTests
{
    /// The rule sets axe runs: WCAG 2.0, 2.1 and 2.2, levels A and AA, and axe's best practices.
    private const string AxeRun = """
        async () => {
            const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] });
            return result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
        }
        """;

    private static string AxeScript { get; } = Path.Combine(RepositoryPaths.Root, "tests", "a11y", "node_modules", "axe-core", "axe.min.js");

    [Fact]
    public async Task The_sign_in_page_passes_axe_and_fits_a_360_px_screen()
    {
        await using var app = new TestApp(AdminApiTests.Enabled(), kestrel: true);
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPhonePageAsync(bypassCsp: true);

        await page.GotoAsync(new Uri(app.Client.BaseAddress!, "/admin").ToString());

        await AssertAccessibleAsync(page, "admin-sign-in-360.png");
    }

    [Fact]
    public async Task The_dashboard_with_channels_digests_and_a_message_passes_axe_fits_360_px_and_tabs_in_order()
    {
        var settings = AdminApiTests.Enabled();
        settings["Digest:To"] = "liste@coalition.example";
        settings["Digest:From"] = "Coalition <bot@coalition.example>";
        await using var app = new TestApp(settings, kestrel: true);
        var yesterday = CoalitionBot.Digest.DigestPeriod.LastCompleteDay(TimeProvider.System.GetUtcNow(), DigestFixtures.Brussels);
        app.Get<ChannelStore>().Upsert([DigestFixtures.Channel(10, "général"), DigestFixtures.Channel(11, "un-salon-au-nom-vraiment-très-long-pour-un-écran-de-téléphone")]);
        app.Get<ChannelListStore>().SetImportant(10, "général", important: true, new Actor(1, "Camille"));
        app.Get<MessageStore>().Upsert([DigestFixtures.Message(10, "Réunion **jeudi** à 19 h", day: yesterday)]);
        await using var browser = await Chromium.LaunchAsync();
        var page = await AdminBrowserTests.SignedInPhonePageAsync(browser, app, bypassCsp: true);

        // A form's outcome (the flash message) is part of what is checked.
        // (Sending now goes through its status panel, checked in AdminPreviewBrowserTests.)
        await page.ClickAsync("form[action='/admin/switches'] button");
        await page.WaitForSelectorAsync(".flash");

        await AssertAccessibleAsync(page, "admin-dashboard-360.png");
        await AssertKeyboardWalksInOrderAsync(page);
    }

    [Fact]
    public async Task Axe_as_run_here_finds_what_it_should_on_a_page_made_wrong()
    {
        // The check itself must be able to fail: a field without a label, pale text, a page too wide.
        await using var app = new TestApp(AdminApiTests.Enabled(), kestrel: true);
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPhonePageAsync(bypassCsp: true);
        await page.GotoAsync(new Uri(app.Client.BaseAddress!, "/admin").ToString());
        await page.EvaluateAsync("""
            () => {
                const main = document.querySelector('main');
                main.insertAdjacentHTML('beforeend', '<input type="text" name="x"><p style="color:#ccc;background:#fff">pâle</p><div style="width:900px">large</div>');
            }
            """);

        var violations = await AxeViolationsAsync(page);
        var overflows = await OverflowsAsync(page);

        Assert.Contains(violations, v => v.StartsWith("label ", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("color-contrast ", StringComparison.Ordinal));
        Assert.True(overflows);
    }

    internal static async Task AssertAccessibleAsync(IPage page, string screenshot)
    {
        await Chromium.ScreenshotAsync(page, screenshot);
        var violations = await AxeViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe-core found on {page.Url}:\n" + string.Join('\n', violations));
        Assert.False(await OverflowsAsync(page), $"{page.Url} is wider than a 360 px screen");
    }

    private static async Task<IReadOnlyList<string>> AxeViolationsAsync(IPage page)
    {
        Assert.True(File.Exists(AxeScript), $"{AxeScript} is missing: ./test.sh installs it (scripts/install-test-tools.sh, npm ci in tests/a11y).");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        return await page.EvaluateAsync<string[]>(AxeRun);
    }

    /// Compared with the screen's width itself: a mobile browser widens its window to the content.
    internal static Task<bool> OverflowsAsync(IPage page) =>
        page.EvaluateAsync<bool>("width => document.documentElement.scrollWidth > width", page.ViewportSize!.Width);

    /// Tab from the top reaches every enabled control once, in the order they are read, and each
    /// shows a focus indicator (an outline or a shadow) when it has the focus.
    private static async Task AssertKeyboardWalksInOrderAsync(IPage page)
    {
        var expected = await page.EvaluateAsync<string[]>("""
            () => {
                const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, iframe, summary, [tabindex]')]
                    .filter(e => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0);
                all.forEach((e, i) => e.dataset.a11yOrder = String(i));
                return all.map(e => e.dataset.a11yOrder);
            }
            """);
        Assert.True(expected.Length > 5, "the dashboard should have controls to walk");
        await page.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }");

        var walked = new List<string>();
        var withoutIndicator = new List<string>();
        for (var i = 0; i < expected.Length; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<JsonElement>("""
                () => {
                    const e = document.activeElement;
                    const style = getComputedStyle(e);
                    const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || (style.boxShadow && style.boxShadow !== 'none');
                    return { order: e.dataset.a11yOrder ?? ('?' + e.tagName), visible, name: e.outerHTML.slice(0, 80) };
                }
                """);
            walked.Add(focused.GetProperty("order").GetString()!);
            if (!focused.GetProperty("visible").GetBoolean())
            {
                withoutIndicator.Add(focused.GetProperty("name").GetString()!);
            }
        }

        Assert.Equal(expected, walked);
        Assert.True(withoutIndicator.Count == 0, "no visible focus on:\n" + string.Join('\n', withoutIndicator));
    }
}
