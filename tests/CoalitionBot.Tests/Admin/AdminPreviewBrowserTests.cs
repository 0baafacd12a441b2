using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Admin;

/// The preview and the long actions' panel in real Chromium, on a 360 px phone screen: a moderator
/// previews yesterday's digest (its HTML in the sandboxed iframe), then sends it and follows the
/// panel, which reloads itself (a Refresh header, no script) from "en cours" to the outcome. Each page passes axe.
[Trait("Category", "Process")]
public sealed class AdminPreviewBrowserTests
{
    [Fact]
    public async Task A_moderator_on_a_phone_previews_yesterday_then_sends_it_and_follows_the_panel_to_the_outcome()
    {
        var settings = AdminApiTests.Enabled();
        settings["Digest:To"] = "liste@coalition.example";
        settings["Digest:From"] = "Coalition <bot@coalition.example>";
        await using var app = new TestApp(new TestAppOptions { Settings = settings, Kestrel = true, RecordMail = true });
        var yesterday = CoalitionBot.Digest.DigestPeriod.LastCompleteDay(TimeProvider.System.GetUtcNow(), DigestFixtures.Brussels);
        app.Get<ChannelStore>().Upsert([DigestFixtures.Channel(10, "général"), DigestFixtures.Channel(11, "un-salon-au-nom-vraiment-très-long-pour-un-écran-de-téléphone")]);
        app.Get<MessageStore>().Upsert([
            DigestFixtures.Message(10, "Réunion **jeudi** à 19 h <script>alert(1)</script>", day: yesterday),
            DigestFixtures.Message(11, "Un-mot-très-long-sans-espace-" + new string('x', 200), author: 2, day: yesterday),
        ]);
        var smtp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Transport.Gate = smtp.Task;
        await using var browser = await Chromium.LaunchAsync();
        var page = await AdminBrowserTests.SignedInPhonePageAsync(browser, app, bypassCsp: true);

        await page.ClickAsync("a[href='/admin/preview']");
        await page.WaitForSelectorAsync("iframe[sandbox]");
        var framed = await page.FrameLocator("iframe[sandbox]").Locator("body").TextContentAsync();
        var size = await page.TextContentAsync("[data-preview-size]");
        await AdminAccessibilityTests.AssertAccessibleAsync(page, "admin-preview-360.png");
        var frameShot = Path.Combine(AppContext.BaseDirectory, "screenshots", "admin-preview-frame-360.png");
        await page.Locator("iframe[sandbox]").ScreenshotAsync(new() { Path = frameShot });

        await page.ClickAsync("a[href='/admin']");
        await page.ClickAsync("button[value='send-digest']");
        await page.WaitForSelectorAsync("[data-operation-state=running]");
        var refresh = await page.GetAttributeAsync("[data-operation-refresh]", "data-operation-refresh");
        await AdminAccessibilityTests.AssertAccessibleAsync(page, "admin-operation-running-360.png");
        smtp.SetResult();
        // No click: the panel's own refresh brings the outcome.
        await page.WaitForSelectorAsync("[data-operation-state=done]", new() { Timeout = 30_000 });
        var outcome = await page.TextContentAsync("[data-operation-state=done]");
        await AdminAccessibilityTests.AssertAccessibleAsync(page, "admin-operation-done-360.png");

        Assert.Contains("Réunion jeudi à 19 h <script>alert(1)</script>", framed, StringComparison.Ordinal);
        Assert.StartsWith("Taille : ", size, StringComparison.Ordinal);
        Assert.Equal("on", refresh);
        Assert.Equal($"Le résumé du {yesterday:dd/MM/yyyy} est envoyé.", outcome);
        Assert.Single(app.Transport.Sent);
    }
}
