using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.Playwright;

namespace CoalitionBot.Tests.Admin;

/// The admin page in a real browser: Debian's Chromium, driven by Playwright, on a phone-sized
/// screen, against the bot on a real socket.
[Trait("Category", "Process")]
public sealed class AdminBrowserTests
{
    [Fact]
    public async Task A_moderator_sends_yesterdays_digest_reads_it_and_sends_a_test_from_a_phone()
    {
        var settings = AdminApiTests.Enabled();
        settings["Digest:To"] = "liste@coalition.example";
        settings["Digest:From"] = "Coalition <bot@coalition.example>";
        await using var app = new TestApp(settings, kestrel: true);
        var yesterday = CoalitionBot.Digest.DigestPeriod.LastCompleteDay(TimeProvider.System.GetUtcNow(), DigestFixtures.Brussels);
        app.Get<ChannelStore>().Upsert([DigestFixtures.Channel(10, "général")]);
        app.Get<MessageStore>().Upsert([DigestFixtures.Message(10, "Réunion **jeudi** à 19 h", day: yesterday), DigestFixtures.Message(10, "Je serai là", author: 2, day: yesterday)]);
        await using var browser = await Chromium.LaunchAsync();
        var page = await SignedInPhonePageAsync(browser, app);

        await page.ClickAsync("button[value='send-digest']");
        // A long action: its status panel refreshes itself until the outcome is there.
        await page.WaitForSelectorAsync("[data-operation-state=done]");
        await page.ClickAsync("a[href='/admin']");
        var state = await page.TextContentAsync($"tr[data-digest='{yesterday:yyyy-MM-dd}'] .digest-state");
        await Chromium.ScreenshotAsync(page, "admin-after-send.png");
        await page.FillAsync("form[action='/admin/actions/test-mail'] input[name=input]", "moi@coalition.example");
        await page.ClickAsync("button[value='test-mail']");
        var flash = await page.TextContentAsync(".flash");
        await page.ClickAsync($"tr[data-digest='{yesterday:yyyy-MM-dd}'] a");
        var mailed = await page.TextContentAsync("body");
        await Chromium.ScreenshotAsync(page, "admin-digest-as-mailed.png");

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
        await using var app = new TestApp(AdminApiTests.Enabled(), kestrel: true);
        app.Get<ChannelListStore>().SetImportant(1300000000000000201UL, "annonces", important: true, new Actor(1, "Camille"));
        await using var browser = await Chromium.LaunchAsync();
        var page = await SignedInPhonePageAsync(browser, app);

        await page.WaitForSelectorAsync("tr[data-channel='1300000000000000201']");
        await page.ClickAsync("form[action='/admin/channels/1300000000000000201/exclude'] button");
        var state = await page.TextContentAsync("tr[data-channel='1300000000000000201'] .state");
        var screenshot = await Chromium.ScreenshotAsync(page, "admin-phone.png");

        Assert.StartsWith("exclu — par le jeton d'administration", state, StringComparison.Ordinal);
        Assert.True(app.Get<ChannelListStore>().IsExcluded(1300000000000000201UL));
        Assert.Equal("C'est fait.", await page.TextContentAsync(".flash"));
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot should show the page");
        var overflow = await AdminAccessibilityTests.OverflowsAsync(page);
        Assert.False(overflow, "the page must fit a phone's width");
    }

    internal static async Task<IPage> SignedInPhonePageAsync(Chromium browser, TestApp app, bool bypassCsp = false)
    {
        var page = await browser.NewPhonePageAsync(bypassCsp);
        await page.GotoAsync(new Uri(app.Client.BaseAddress!, "/admin").ToString());
        await page.FillAsync("input[name=token]", AdminApiTests.AdminToken);
        await page.ClickAsync("form[action='/admin/login'] button");
        await page.WaitForSelectorAsync("form[action='/admin/switches']");
        return page;
    }
}
