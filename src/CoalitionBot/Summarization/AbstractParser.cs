using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CoalitionBot.Digest;

namespace CoalitionBot.Summarization;

/// Turns the model's answer into an abstract that can only say things in words: each [n] that
/// names one of the prompt's messages becomes a citation with that message's jump link, and
/// everything else that could become a link or markup in a mail is dropped (unknown references,
/// URLs, addresses, bare domain names, HTML, Markdown). What is left is plain text, which the
/// renderers escape. An answer without a single valid citation is not an abstract of the day.
internal static partial class AbstractParser
{
    public const int MaxSentences = 5;
    public const int MaxLength = 1_500;

    /// Fewer letters than this is not a sentence about anything.
    private const int MinLetters = 20;

    public static (DigestAbstract? Abstract, string? Unusable) Parse(string? answer, IReadOnlyList<string> links, string model)
    {
        var text = Clean(answer ?? "", links.Count);
        List<AbstractPart> parts = [];
        var sentences = 0;
        var position = 0;
        foreach (Match citation in Citation().Matches(text))
        {
            if (!AddText(parts, text[position..citation.Index], ref sentences))
            {
                position = text.Length;
                break;
            }

            position = citation.Index + citation.Length;
            foreach (var number in Numbers(citation.Groups[1].Value).Where(n => n >= 1 && n <= links.Count))
            {
                parts.Add(AbstractPart.Cite(number, links[number - 1]));
            }
        }

        if (position < text.Length)
        {
            AddText(parts, text[position..], ref sentences);
        }

        parts = Tidy(parts);
        if (parts.Where(p => p.Citation is null).Sum(p => p.Text.Count(char.IsLetter)) < MinLetters)
        {
            return (null, "the answer has no text");
        }

        if (!parts.Any(p => p.Citation is not null))
        {
            return (null, "the answer cites none of the day's messages");
        }

        return (new DigestAbstract(model, parts), null);
    }

    /// Everything but the citations: reasoning, HTML, Markdown, links, then, until nothing changes,
    /// what removing those could have glued back together ("evil[.]com", "evil`.com").
    private static string Clean(string answer, int lines)
    {
        var text = new string(answer.Normalize(NormalizationForm.FormKC)
            .Where(c => char.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.Control) || c is '\n').ToArray());
        text = Thinking().Replace(text, " ");
        if (text.Contains("<think>", StringComparison.OrdinalIgnoreCase))
        {
            // Reasoning cut off by the token limit: nothing after it is an answer.
            return "";
        }

        text = Tag().Replace(text, " ");
        text = MarkdownLink().Replace(text, "$1");
        for (var pass = 0; pass < 10; pass++)
        {
            var before = text;
            text = Address().Replace(text, " ");
            text = Citation().Replace(text, citation => Known(citation, lines));
            text = NotCitationBracket().Replace(text, "$1");
            text = Markup().Replace(text, " ");
            text = LineStart().Replace(text, " ");
            text = SpaceBeforeStop().Replace(text, "$1");
            if (text == before)
            {
                break;
            }
        }

        // Last, and only removing: whatever the passes left, no token shaped like a link survives.
        text = Address().Replace(text, " ");
        return Spaces().Replace(text, " ").Trim();
    }

    /// A citation rewritten with only the numbers of lines the model was shown ("[2, 999]" is "[2]"),
    /// or a space where none is left, so the words around it are not glued into a name.
    private static string Known(Match citation, int lines)
    {
        var known = Numbers(citation.Groups[1].Value).Where(n => n >= 1 && n <= lines).ToList();
        return known.Count == 0 ? " " : string.Concat(known.Select(n => string.Create(CultureInfo.InvariantCulture, $"[{n}]")));
    }

    /// Adds a piece of text up to the sentence limit; false once the limit is reached.
    private static bool AddText(List<AbstractPart> parts, string text, ref int sentences)
    {
        var kept = new StringBuilder();
        foreach (var c in text)
        {
            if (sentences >= MaxSentences)
            {
                break;
            }

            kept.Append(c);
            if (c is '.' or '!' or '?' or '…')
            {
                sentences++;
            }
        }

        var length = parts.Sum(p => p.Text.Length);
        var piece = kept.Length + length > MaxLength ? kept.ToString()[..Math.Max(0, MaxLength - length)] : kept.ToString();
        if (piece.Length > 0)
        {
            parts.Add(new AbstractPart(piece));
        }

        return sentences < MaxSentences && length + piece.Length < MaxLength;
    }

    /// Text pieces joined, and a citation of a message twice in a row kept once.
    private static List<AbstractPart> Tidy(List<AbstractPart> parts)
    {
        List<AbstractPart> tidy = [];
        foreach (var part in parts)
        {
            if (tidy.Count > 0 && tidy[^1].Citation == part.Citation)
            {
                if (part.Citation is null)
                {
                    tidy[^1] = tidy[^1] with { Text = tidy[^1].Text + part.Text };
                }

                continue;
            }

            tidy.Add(part);
        }

        if (tidy.Count > 0 && tidy[0].Citation is null)
        {
            tidy[0] = tidy[0] with { Text = tidy[0].Text.TrimStart() };
        }

        if (tidy.Count > 0 && tidy[^1].Citation is null)
        {
            tidy[^1] = tidy[^1] with { Text = tidy[^1].Text.TrimEnd() };
        }

        return tidy.Where(p => p.Text.Length > 0).ToList();
    }

    private static IEnumerable<int> Numbers(string list) =>
        list.Split([',', ';', ' ', '-', '–'], StringSplitOptions.RemoveEmptyEntries)
            .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0)
            .Distinct();

    [GeneratedRegex(@"<think>.*?</think>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Thinking();

    [GeneratedRegex(@"<[^<>]{0,2000}>|[<>]")]
    private static partial Regex Tag();

    [GeneratedRegex(@"!?\[([^\[\]]*)\]\([^()]*\)")]
    private static partial Regex MarkdownLink();

    /// Any token with a scheme's "://", the schemes that need none, www., an "@" (addresses), or
    /// anything shaped like a domain name, which mail programs turn into links on their own: the
    /// whole whitespace-separated token goes.
    [GeneratedRegex(@"\S*://\S*|\b(?:mailto|javascript|vbscript|data|file|tel|sms|callto|xmpp|magnet):\S*|\S*www\.\S*|\S*@\S*|\S*[\p{L}\p{N}\]]\.\p{L}{2,}\S*", RegexOptions.IgnoreCase)]
    private static partial Regex Address();

    /// [text] that is not a citation keeps its text; a citation is one or more numbers.
    [GeneratedRegex(@"\[(?!\s*\d{1,4}(?:\s*[,;–-]\s*\d{1,4})*\s*\])([^\[\]]*)\]")]
    private static partial Regex NotCitationBracket();

    [GeneratedRegex(@"\[\s*(\d{1,4}(?:\s*[,;–-]\s*\d{1,4})*)\s*\]")]
    private static partial Regex Citation();

    [GeneratedRegex(@"[*_`~|#\\{}]|\(\s*\)|&[a-z#0-9]{1,10};", RegexOptions.IgnoreCase)]
    private static partial Regex Markup();

    /// List bullets and numbers at the start of a line.
    [GeneratedRegex(@"(?m)^\s*(?:[-+•]|\d{1,2}[.)])\s+")]
    private static partial Regex LineStart();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+([.,…])")]
    private static partial Regex SpaceBeforeStop();
}
