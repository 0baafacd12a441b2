using AngleSharp.Html.Parser;
using CoalitionBot.Markup;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Digest;

public sealed class MarkupFuzzTests
{
    private static readonly string[] Pieces =
    [
        "<", ">", "&", "\"", "'", "*", "**", "_", "__", "~~", "||", "`", "```", "\n", "> ", ">>> ", "# ", "- ", "\\",
        "[", "](", ")", "http://a.example/x", "https://b.example/?q=\"'<>", "javascript:alert(1)", "data:text/html,x",
        "<script>", "</script>", "<img src=x onerror=y>", "<@1>", "<@&2>", "<#3>", "<:e:4>", "<t:0:F>", "<t:99999999999999:R>",
        "é", "😀", " ", "a", "onload=", "style=", "<a href=", "&#x3C;", "\u0000", "\u202e",
    ];

    [Fact]
    public void Random_markup_never_yields_a_tag_an_attribute_or_a_link_of_its_own()
    {
        var random = new Random(20261123);
        var parser = new HtmlParser();
        HashSet<string> tags = ["html", "head", "body", "br", "strong", "em", "u", "s", "code", "pre", "div", "span", "a"];
        for (var round = 0; round < 2_000; round++)
        {
            var content = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => Pieces[random.Next(Pieces.Length)]));

            var html = MarkupHtml.Render(MarkupParser.Parse(content, MarkupNames.None), DigestFixtures.Markup);
            var text = MarkupPlainText.Render(MarkupParser.Parse(content, MarkupNames.None), DigestFixtures.Markup);
            var document = parser.ParseDocument(html);

            Assert.All(document.All, e => Assert.Contains(e.LocalName, tags));
            Assert.All(document.All.SelectMany(e => e.Attributes), a => Assert.Contains(a.Name, (string[])["style", "href"]));
            Assert.All(document.QuerySelectorAll("a"), a => Assert.Matches("^https?://", a.GetAttribute("href")!));
            Assert.NotNull(text);
        }
    }
}
