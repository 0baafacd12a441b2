using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace CoalitionBot.Tests.Support;

/// The admin page's forms as a browser submits them, for the in-process page tests: a page read
/// and parsed, a form posted with its hidden fields and checked boxes, the redirect followed.
internal static class AdminForms
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<IHtmlDocument> GetPageAsync(HttpClient client, string path = "/admin")
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Token));
    }

    /// Posts a form of the page as a browser would: its hidden fields, its checked boxes (unless
    /// cleared), plus the given values.
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, IHtmlDocument page, string selector, Dictionary<string, string> values, bool clearCheckboxes = false)
    {
        var form = page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException("no form " + selector);
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value);
        foreach (var box in form.QuerySelectorAll<IHtmlInputElement>("input[type=checkbox]").Where(b => b.IsChecked && !clearCheckboxes))
        {
            fields[box.Name!] = box.Value;
        }

        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        return await client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(fields), Token);
    }

    /// Submits a form and reads the page it leads to: a change's redirect (302) is followed; a long
    /// action's status panel (303) is followed until the action has ended, then the dashboard is read.
    public static async Task<IHtmlDocument> SubmitAsync(HttpClient client, IHtmlDocument page, string selector, Dictionary<string, string> values, bool clearCheckboxes = false)
    {
        using var response = await PostFormAsync(client, page, selector, values, clearCheckboxes);
        var location = response.Headers.Location?.OriginalString;
        switch (response.StatusCode)
        {
            case HttpStatusCode.Redirect:
                return await GetPageAsync(client, location!);
            case HttpStatusCode.SeeOther:
                await WaitForPanelAsync(client, location!);
                return await GetPageAsync(client);
            default:
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Token));
        }
    }

    /// Reads a long action's status panel until its run has ended.
    public static async Task WaitForPanelAsync(HttpClient client, string panel)
    {
        // Polled every 50 ms, for 30 s at most: a run that never ends fails the test, not the suite.
        for (var attempt = 0; attempt < 600; attempt++)
        {
            using var response = await client.GetAsync(new Uri(panel + "?refresh=off", UriKind.Relative), Token);
            var state = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Token)).QuerySelector("[data-operation-state]")?.GetAttribute("data-operation-state");
            if (response.StatusCode == HttpStatusCode.OK && state is not (null or "running"))
            {
                return;
            }

            await Task.Delay(50, Token);
        }

        Assert.Fail($"{panel} still running after 30 s");
    }
}
