using CoalitionBot.Markup;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Digest;

public sealed class MarkupTests
{
    private static readonly MarkupNames Names = new(
        new Dictionary<ulong, string> { [11] = "Alice", [12] = "Bruno <b>" },
        new Dictionary<ulong, string> { [21] = "bureau" },
        new Dictionary<ulong, string> { [31] = "général" });

    private static string Html(string content) => MarkupHtml.Render(MarkupParser.Parse(content, Names), DigestFixtures.Markup);

    private static string Text(string content) => MarkupPlainText.Render(MarkupParser.Parse(content, Names), DigestFixtures.Markup);

    [Theory]
    [InlineData("**gras**", "<strong>gras</strong>", "*gras*")]
    [InlineData("*italique*", "<em>italique</em>", "_italique_")]
    [InlineData("_italique_", "<em>italique</em>", "_italique_")]
    [InlineData("__souligné__", "<u>souligné</u>", "souligné")]
    [InlineData("~~barré~~", "<s>barré</s>", "~barré~")]
    [InlineData("***les deux***", "<strong><em>les deux</em></strong>", "*_les deux_*")]
    [InlineData("**gras _et italique_**", "<strong>gras <em>et italique</em></strong>", "*gras _et italique_*")]
    public void Emphasis_becomes_tags_in_HTML_and_light_marks_in_text(string content, string html, string text)
    {
        Assert.Equal(html, Html(content));
        Assert.Equal(text, Text(content));
    }

    [Theory]
    [InlineData("2 * 3 * 4")]
    [InlineData("snake_case_name")]
    [InlineData("**pas fermé")]
    [InlineData("~~ ~~")]
    public void Unmatched_or_spaced_markers_stay_literal(string content)
    {
        Assert.Equal(content, Text(content));
        Assert.DoesNotContain("<em>", Html(content), StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>", Html(content), StringComparison.Ordinal);
    }

    [Fact]
    public void Escaped_markers_stay_literal()
    {
        Assert.Equal("*pas en italique*", Text(@"\*pas en italique\*"));
    }

    [Fact]
    public void Inline_code_keeps_its_content_verbatim_and_escaped()
    {
        Assert.Equal("<code style=\"font-family:Consolas,Menlo,monospace;background-color:#ebedef;color:#1e1f22;\">**&lt;b&gt;**</code>", Html("`**<b>**`"));
        Assert.Equal("`**<b>**`", Text("`**<b>**`"));
    }

    [Fact]
    public void Code_blocks_keep_lines_and_drop_the_language_line()
    {
        var document = MarkupParser.Parse("avant\n```css\nnav { gap: 1rem; }\na < b\n```\naprès", Names);

        var block = Assert.Single(document.Nodes.OfType<MarkupCodeBlock>());
        Assert.Equal("css", block.Language);
        Assert.Equal("nav { gap: 1rem; }\na < b", block.Code);
        Assert.Contains("a &lt; b</pre>", Html("```css\nnav { gap: 1rem; }\na < b\n```"), StringComparison.Ordinal);
        Assert.Equal("avant\n    nav { gap: 1rem; }\n    a < b\naprès", Text("avant\n```css\nnav { gap: 1rem; }\na < b\n```\naprès"));
    }

    [Fact]
    public void Quote_lines_become_one_quote()
    {
        var document = MarkupParser.Parse("> première\n> seconde\nréponse", Names);

        var quote = Assert.IsType<MarkupQuote>(document.Nodes[0]);
        Assert.Equal("première\nseconde", MarkupPlainText.Render(new MarkupDocument(quote.Children), DigestFixtures.Markup));
        Assert.Equal("> première\n> seconde\nréponse", Text("> première\n> seconde\nréponse"));
    }

    [Fact]
    public void A_triple_quote_takes_the_rest_of_the_message()
    {
        Assert.Equal("avant\n> un\n> deux", Text("avant\n>>> un\ndeux"));
    }

    [Fact]
    public void Spoilers_are_hidden_and_marked_in_both_parts()
    {
        Assert.Equal("la fin : [spoiler masqué]", Text("la fin : ||il meurt||"));
        var html = Html("||il meurt||");
        Assert.Contains("[spoiler]", html, StringComparison.Ordinal);
        Assert.Contains("background-color:#1e1f22;color:#1e1f22;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("voir https://example.org/page.", "https://example.org/page")]
    [InlineData("(voir https://example.org/a_(b))", "https://example.org/a_(b)")]
    [InlineData("<https://example.org/sans-apercu>", "https://example.org/sans-apercu")]
    [InlineData("[le site](https://example.org/x)", "https://example.org/x")]
    public void Http_links_become_links(string content, string url)
    {
        var link = Assert.Single(Descendants(MarkupParser.Parse(content, Names).Nodes).OfType<MarkupLink>());

        Assert.Equal(new Uri(url), link.Url);
    }

    [Theory]
    [InlineData("[clique](javascript:alert(1))")]
    [InlineData("javascript:alert(1)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x](ftp://example.org/file)")]
    [InlineData("[x](//example.org/relative)")]
    public void Other_schemes_never_become_links(string content)
    {
        Assert.Empty(Descendants(MarkupParser.Parse(content, Names).Nodes).OfType<MarkupLink>());
        Assert.DoesNotContain("<a ", Html(content), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[le site](https://example.org/x)", "le site", "example.org")]
    [InlineData("[https://paypal.com](https://evil.example/login)", "https://paypal.com", "evil.example")]
    [InlineData("[**Banque**](https://аpple.com/compte)", "Banque", "xn--pple-43d.com")]
    [InlineData("[le livre](https://bücher.example/livre)", "le livre", "xn--bcher-kva.example")]
    [InlineData("[ton compte](https://paypal.com@evil.example/)", "ton compte", "evil.example")]
    [InlineData("[<b>x</b>](https://evil.example:8443/p)", "<b>x</b>", "evil.example")]
    public void A_masked_link_shows_its_real_host_after_its_label(string content, string label, string host)
    {
        var html = Html(content);
        var text = Text(content);

        var anchor = Assert.Single(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("a"));
        Assert.Equal(label, anchor.TextContent);
        Assert.Equal("span", anchor.NextElementSibling?.LocalName);
        Assert.Equal($"({host})", anchor.NextElementSibling!.TextContent);
        Assert.StartsWith($"{label.Replace("**", "", StringComparison.Ordinal)} ({host}) <https://", text.Replace("*", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal($"{label} ({host})", MarkupPlainText.Excerpt(MarkupParser.Parse(content, Names), DigestFixtures.Markup, 200));
    }

    [Fact]
    public void The_plain_text_writes_a_masked_link_with_its_host_in_punycode()
    {
        Assert.Equal("Banque (xn--pple-43d.com) <https://xn--pple-43d.com/compte?a=1>", Text("[Banque](https://аpple.com/compte?a=1)"));
    }

    [Theory]
    [InlineData("voir https://example.org/page")]
    [InlineData("<https://example.org/sans-apercu>")]
    [InlineData("[example.org](https://example.org/)")]
    public void A_link_that_shows_where_it_goes_gets_no_note(string content)
    {
        Assert.DoesNotContain("<span", Html(content), StringComparison.Ordinal);
        Assert.DoesNotContain("(example.org)", Text(content), StringComparison.Ordinal);
    }

    [Fact]
    public void Masked_links_to_any_host_always_show_that_host_right_after_the_label()
    {
        string[] labels = ["ici", "https://discord.com", "**gras**", "<script>", "paypal.com", "é😀", "\"x\" onclick=y"];
        string[] targets = ["https://evil.example/", "http://a.b.example:81/x?y=\"z\"", "https://аpple.com/", "https://bücher.example/", "https://u:p@evil.example/", "https://EXAMPLE.ORG/A", "https://127.0.0.1/"];
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var random = new Random(20261202);
        for (var round = 0; round < 300; round++)
        {
            var label = labels[random.Next(labels.Length)];
            var target = targets[random.Next(targets.Length)];
            var host = new Uri(target).IdnHost;
            var content = $"avant [{label}]({target}) après";

            var anchor = Assert.Single(parser.ParseDocument(Html(content)).QuerySelectorAll("a"));
            var text = Text(content);

            Assert.Equal($"({host})", anchor.NextElementSibling?.TextContent);
            Assert.Contains($" ({host}) <", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Mentions_are_resolved_to_names()
    {
        Assert.Equal("@Alice @Alice @bureau #général", Text("<@11> <@!11> <@&21> <#31>"));
    }

    [Fact]
    public void Unknown_mentions_say_so()
    {
        Assert.Equal("@utilisateur inconnu @rôle inconnu #salon inconnu", Text("<@99> <@&99> <#99>"));
    }

    [Fact]
    public void Mention_names_are_escaped_in_HTML()
    {
        Assert.Contains("@Bruno &lt;b&gt;", Html("<@12>"), StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_emoji_become_their_name()
    {
        Assert.Equal(":coalition: :danse:", Text("<:coalition:123456789012345678> <a:danse:987654321098765432>"));
    }

    [Theory]
    [InlineData("<t:1795456800:t>", "19:00")]
    [InlineData("<t:1795456800:T>", "19:00:00")]
    [InlineData("<t:1795456800:d>", "23/11/2026")]
    [InlineData("<t:1795456800:D>", "23 novembre 2026")]
    [InlineData("<t:1795456800>", "23 novembre 2026 19:00")]
    [InlineData("<t:1795456800:F>", "lundi 23 novembre 2026 19:00")]
    [InlineData("<t:1795456800:R>", "23 novembre 2026 19:00")]
    public void Timestamps_are_shown_in_the_digest_zone(string content, string expected)
    {
        // 1795456800 is 2026-11-23 18:00 UTC, 19:00 in Brussels.
        Assert.Equal(expected, Text(content));
    }

    [Fact]
    public void Headings_and_list_items_are_kept_readable()
    {
        Assert.Equal("Titre\n• un\n• deux", Text("# Titre\n- un\n- deux"));
    }

    [Fact]
    public void Deep_nesting_does_not_exhaust_the_stack()
    {
        var content = string.Concat(Enumerable.Repeat("**_~~||", 400)) + "x" + string.Concat(Enumerable.Repeat("||~~_**", 400));

        var text = Text(content);

        Assert.Contains("x", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_in_a_message_is_always_escaped()
    {
        var html = Html("<script>alert(1)</script> <img src=x onerror=alert(1)> & \"quotes\"");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&amp;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_label_cannot_smuggle_an_attribute()
    {
        var html = Html("[\" onmouseover=\"alert(1)](https://example.org/\"onmouseover=\"x)");

        Assert.DoesNotContain("\" onmouseover=\"", html, StringComparison.Ordinal);
    }

    private static IEnumerable<MarkupNode> Descendants(IEnumerable<MarkupNode> nodes)
    {
        foreach (var node in nodes)
        {
            yield return node;
            var children = node switch
            {
                MarkupStyled styled => styled.Children,
                MarkupQuote quote => quote.Children,
                MarkupListItem item => item.Children,
                MarkupLink link => link.Label,
                _ => [],
            };
            foreach (var child in Descendants(children))
            {
                yield return child;
            }
        }
    }
}
