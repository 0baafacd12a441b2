using System.Text.RegularExpressions;
using CoalitionBot.Summarization;
using CsCheck;

namespace CoalitionBot.Tests.Summarization;

public sealed partial class AbstractParserTests
{
    private static readonly string[] Links =
    [
        "https://discord.com/channels/42/10/1001",
        "https://discord.com/channels/42/10/1002",
        "https://discord.com/channels/42/11/1003",
    ];

    [Fact]
    public void Citations_become_the_cited_messages_jump_links()
    {
        var (summary, unusable) = AbstractParser.Parse("La coalition prépare l'action du 8 mars [1]. Le bureau cherche des bénévoles [2][3].", Links, "qwen2.5:3b");

        Assert.Null(unusable);
        Assert.Equal("La coalition prépare l'action du 8 mars [1]. Le bureau cherche des bénévoles [2][3].", string.Concat(summary!.Parts.Select(p => p.Text)));
        Assert.Equal([(1, Links[0]), (2, Links[1]), (3, Links[2])], summary.Citations.Select(c => (c.Citation!.Value, c.Link!)));
        Assert.Equal("qwen2.5:3b", summary.Model);
    }

    [Fact]
    public void A_reference_to_a_message_that_was_not_shown_is_dropped()
    {
        var (summary, _) = AbstractParser.Parse("Le bureau a voté le budget [999]. L'AG est fixée au 12 [2, 999].", Links, "m");

        Assert.Equal("Le bureau a voté le budget. L'AG est fixée au 12 [2].", string.Concat(summary!.Parts.Select(p => p.Text)));
        Assert.Equal([2], summary.Citations.Select(c => c.Citation!.Value));
    }

    [Fact]
    public void Links_addresses_HTML_and_Markdown_are_dropped_and_their_words_kept()
    {
        var answer = """
            ## Résumé
            - **Important** : voir <a href="https://evil.example/x">ce lien</a> et [le formulaire](https://forms.example/f) [1].
            - Écrire à contact@evil.example ou sur www.evil.example, evil.example/page, evil[.]example [2].
            <img src=x onerror=alert(1)><script>alert(1)</script> javascript:alert(1) &lt;b&gt; `code` [3].
            """;

        var (summary, _) = AbstractParser.Parse(answer, Links, "m");

        var text = string.Concat(summary!.Parts.Select(p => p.Text));
        Assert.DoesNotContain("evil", text, StringComparison.Ordinal);
        Assert.DoesNotContain("forms.example", text, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", text, StringComparison.Ordinal);
        Assert.DoesNotContain(text, c => c is '<' or '>' or '*' or '#' or '`' or '&' or '@');
        Assert.Contains("ce lien", text, StringComparison.Ordinal);
        Assert.Contains("le formulaire [1]", text, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], summary.Citations.Select(c => c.Citation!.Value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[1][2][3]")]
    public void An_answer_without_words_is_unusable(string answer)
    {
        var (summary, unusable) = AbstractParser.Parse(answer, Links, "m");

        Assert.Null(summary);
        Assert.Equal("the answer has no text", unusable);
    }

    [Theory]
    [InlineData("Lorem ipsum dolor sit amet, consectetur adipiscing elit.")]
    [InlineData("Voici un résumé très utile de la journée [42].")]
    [InlineData("<think>Les messages [1] et [2] parlent du 8 mars.")]
    public void An_answer_that_cites_none_of_the_days_messages_is_unusable(string answer)
    {
        var (summary, unusable) = AbstractParser.Parse(answer, Links, "m");

        Assert.Null(summary);
        Assert.NotNull(unusable);
    }

    [Fact]
    public void A_reasoning_models_thinking_is_left_out()
    {
        var (summary, _) = AbstractParser.Parse("<think>Je dois citer [1] et mettre un lien https://x.example.</think>La coalition prépare le 8 mars [1].", Links, "m");

        Assert.Equal("La coalition prépare le 8 mars [1].", string.Concat(summary!.Parts.Select(p => p.Text)));
    }

    [Fact]
    public void At_most_five_sentences_are_kept()
    {
        var answer = string.Concat(Enumerable.Range(1, 8).Select(i => $"Phrase numéro {i} sur la journée [1]. "));

        var (summary, _) = AbstractParser.Parse(answer, Links, "m");

        var text = string.Concat(summary!.Parts.Select(p => p.Text));
        Assert.Contains("Phrase numéro 5", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Phrase numéro 6", text, StringComparison.Ordinal);
    }

    /// Whatever a model is made to write, from any mix of the pieces an attacker would use, no part
    /// of the abstract holds a tag, a scheme, an address or a domain name; links are only ours.
    [Fact]
    public void No_answer_whatever_it_holds_yields_a_tag_or_a_link()
    {
        string[] pieces =
        [
            "<", ">", "a href=", "\"", "https://", "http:", "javascript:", "data:", "//", "evil", ".", "example", "com", "[", "]", "(", ")",
            "1", "2", "999", " ", "\n", "www", "@", "*", "_", "`", "#", "&lt;", "script", "<think>", "</think>", "é", "Le bureau a décidé", "\u200b", "．", "ｗｗｗ",
        ];
        var answers = Gen.Int[0, pieces.Length - 1].Array[0, 40].Select(indexes => string.Concat(indexes.Select(i => pieces[i])));

        answers.Sample(answer =>
        {
            var (summary, _) = AbstractParser.Parse(answer, Links, "m");
            foreach (var part in summary?.Parts ?? [])
            {
                if (part.Citation is { } number)
                {
                    Assert.Equal(Links[number - 1], part.Link);
                    Assert.Equal($"[{number}]", part.Text);
                    continue;
                }

                Assert.Null(part.Link);
                Assert.False(Dangerous().IsMatch(part.Text), $"'{part.Text}' from '{answer}'");
            }
        }, iter: 10_000);
    }

    /// A tag's brackets, a scheme, an address, www. or a name.tld that a mail program would link.
    [GeneratedRegex(@"[<>@]|://|\b(?:javascript|data):|www\.|[\p{L}\p{N}]\.\p{L}{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex Dangerous();
}
