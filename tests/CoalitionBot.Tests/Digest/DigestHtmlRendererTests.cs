using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CoalitionBot.Digest;
using CoalitionBot.Digest.Rendering;
using CoalitionBot.Storage;
using static CoalitionBot.Tests.Support.DigestFixtures;

namespace CoalitionBot.Tests.Digest;

public sealed class DigestHtmlRendererTests
{
    /// The only elements our renderer writes; anything else came from a message.
    private static readonly HashSet<string> OurTags =
        ["html", "head", "meta", "title", "body", "table", "tbody", "tr", "td", "div", "p", "h2", "a", "span", "strong", "em", "u", "s", "code", "pre", "br"];

    private static readonly HashSet<string> OurAttributes =
        ["lang", "charset", "name", "content", "style", "role", "width", "cellpadding", "cellspacing", "border", "bgcolor", "align", "href"];

    private const string Hostile =
        "<script>alert('x')</script><img src=\"https://evil.example/p.png\" onerror=\"alert(1)\"><a href=\"javascript:alert(1)\">x</a>"
        + " [clic](javascript:alert(1)) <javascript:alert(2)> <iframe src=//evil></iframe> <style>body{display:none}</style>"
        + " \"><svg onload=alert(1)> ' onmouseover='alert(1)' <!-- comment --> &lt;b&gt; **<b>gras</b>** `<i>code</i>` ||<u>caché</u>||";

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static IDocument RenderHostile()
    {
        var channels = new[] { Channel(10, "général <b>") };
        var message = Message(10, Hostile, name: "<script>Eve</script>") with
        {
            Attachments = [new StoredAttachment("<img src=x onerror=alert(1)>.pdf", 10, "text/html\"><script>", "javascript:alert(1)")],
            MentionedUsers = [new StoredMention(5, "<b>Mallory</b>")],
            Content = Hostile + " <@5>",
        };
        var reply = Message(10, "réponse", author: 2) with { Type = 19, ReplyToMessageId = message.Id };
        var digest = DigestBuilder.Build(Request([message, reply, Message(10, "x", author: 3) with { Type = 19, ReplyToMessageId = message.Id }], channels));
        return Parse(DigestHtmlRenderer.Render(digest, French("<script>serveur</script>")));
    }

    [Fact]
    public void No_tag_from_a_message_survives_in_the_HTML()
    {
        var document = RenderHostile();

        var foreign = document.All.Select(e => e.LocalName).Where(tag => !OurTags.Contains(tag)).Distinct().ToList();
        Assert.Empty(foreign);
        Assert.Empty(document.QuerySelectorAll("script, img, iframe, svg, style, b, i, object, embed, form, input"));
    }

    [Fact]
    public void No_attribute_from_a_message_survives_in_the_HTML()
    {
        var document = RenderHostile();

        var foreign = document.All.SelectMany(e => e.Attributes).Select(a => a.Name).Where(name => !OurAttributes.Contains(name)).Distinct().ToList();
        Assert.Empty(foreign);
    }

    [Fact]
    public void Every_link_is_http_or_https()
    {
        var document = RenderHostile();

        Assert.NotEmpty(document.QuerySelectorAll("a"));
        Assert.All(document.QuerySelectorAll("a"), a => Assert.Matches("^https?://", a.GetAttribute("href") ?? ""));
    }

    [Fact]
    public void The_hostile_text_is_shown_as_text()
    {
        var document = RenderHostile();

        Assert.Contains("<script>alert('x')</script>", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("@<b>Mallory</b>", document.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mail_is_one_column_of_at_most_650_pixels_with_explicit_colours_and_no_images()
    {
        var document = Parse(DigestHtmlRenderer.Render(Sample(), French()));

        var column = document.QuerySelectorAll("table").ElementAt(1);
        Assert.Equal("650", column.GetAttribute("width"));
        Assert.Contains("max-width:650px", column.GetAttribute("style"), StringComparison.Ordinal);
        var body = document.Body!.GetAttribute("style") ?? "";
        Assert.Contains("background-color:", body, StringComparison.Ordinal);
        Assert.Contains("color:", body, StringComparison.Ordinal);
        Assert.All(document.QuerySelectorAll("td"), td => Assert.Contains("background-color:", td.GetAttribute("style") ?? "", StringComparison.Ordinal));
        Assert.Empty(document.QuerySelectorAll("img, script, link, style"));
    }

    [Fact]
    public void The_sample_digest_reads_in_French_with_highlights_sections_and_jump_links()
    {
        var rendered = DigestRenderer.Render(Sample(), French());
        var document = Parse(rendered.Html);

        Assert.Equal("[Coalition FFJ] Résumé du lundi 23 novembre 2026 — 16 messages", rendered.Subject);
        Assert.Equal("fr", document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Résumé du lundi 23 novembre 2026", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("À la une", document.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains("réactions", document.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains(document.QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith("https://discord.com/channels/900000000000000001/", StringComparison.Ordinal));
        Assert.DoesNotContain("modération", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Rappel automatique", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_part_stands_on_its_own()
    {
        var text = DigestRenderer.Render(Sample(), French()).Text;

        Assert.Contains("En bref : 16 messages, 6 membres actifs (+5 par rapport à la veille)", text, StringComparison.Ordinal);
        Assert.Contains("★ #annonces", text, StringComparison.Ordinal);
        Assert.Contains("Fil « Refonte de la page d'accueil »", text, StringComparison.Ordinal);
        Assert.Contains("📎 ordre-du-jour-AG.pdf (application/pdf, 180 Ko)", text, StringComparison.Ordinal);
        Assert.Contains("[spoiler masqué]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", text.Replace("<script>alert('x')</script>", "", StringComparison.Ordinal).Replace("<https://example.org/sortie>", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void English_is_used_when_configured()
    {
        var rendered = DigestRenderer.Render(Sample(), new DigestRenderContext(DigestTexts.English, "Coalition FFJ", Brussels));

        Assert.Equal("[Coalition FFJ] Digest for Monday 23 November 2026 — 16 messages", rendered.Subject);
        Assert.Contains("Highlights", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_day_says_so()
    {
        var rendered = DigestRenderer.Render(DigestBuilder.Build(Request([], [Channel(10, "général")])), French());

        Assert.Contains("Aucun message ce jour-là.", rendered.Text, StringComparison.Ordinal);
    }
}
