using System.Text;
using System.Text.RegularExpressions;

namespace CoalitionBot.Markup;

/// Parses Discord's markdown into <see cref="MarkupNode"/>s. Whatever it does not recognise stays
/// literal text, and literal text is escaped by every renderer, so no input can produce markup.
internal static partial class MarkupParser
{
    /// Deeper nesting is kept as text, so hostile input cannot exhaust the stack.
    private const int MaxDepth = 6;
    private const string Fence = "```";

    public static MarkupDocument Parse(string content, MarkupNames names)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return MarkupDocument.Empty;
        }

        List<MarkupNode> nodes = [];
        var text = content.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n');
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf(Fence, position, StringComparison.Ordinal);
            var close = open < 0 ? -1 : text.IndexOf(Fence, open + Fence.Length, StringComparison.Ordinal);
            if (close < 0)
            {
                ParseLines(text[position..], names, nodes);
                break;
            }

            ParseLines(text[position..open], names, nodes);
            nodes.Add(CodeBlock(text[(open + Fence.Length)..close]));
            position = close + Fence.Length;
            if (position < text.Length && text[position] == '\n')
            {
                position++;
            }
        }

        return new MarkupDocument(nodes);
    }

    private static MarkupCodeBlock CodeBlock(string inner)
    {
        var newline = inner.IndexOf('\n', StringComparison.Ordinal);
        if (newline > 0 && LanguageName().IsMatch(inner[..newline]))
        {
            return new MarkupCodeBlock(inner[..newline], inner[(newline + 1)..].TrimEnd('\n'));
        }

        return new MarkupCodeBlock(null, inner.Trim('\n'));
    }

    private static void ParseLines(string text, MarkupNames names, List<MarkupNode> nodes)
    {
        if (text.Length == 0)
        {
            return;
        }

        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            if (nodes.Count > 0 && nodes[^1] is not (MarkupQuote or MarkupCodeBlock or MarkupLineBreak))
            {
                nodes.Add(new MarkupLineBreak());
            }

            if (line.StartsWith(">>> ", StringComparison.Ordinal) || line == ">>>")
            {
                var rest = string.Join('\n', [line.Length > 4 ? line[4..] : "", .. lines[(index + 1)..]]);
                nodes.Add(new MarkupQuote(ParseInline(rest, names, 1, allowLinks: true)));
                return;
            }

            if (IsQuoteLine(line))
            {
                List<string> quoted = [];
                while (index < lines.Length && IsQuoteLine(lines[index]))
                {
                    quoted.Add(lines[index].Length > 2 ? lines[index][2..] : "");
                    index++;
                }

                index--;
                nodes.Add(new MarkupQuote(ParseInline(string.Join('\n', quoted), names, 1, allowLinks: true)));
                continue;
            }

            var heading = Heading().Match(line);
            if (heading.Success)
            {
                nodes.Add(new MarkupStyled(MarkupStyle.Heading, ParseInline(line[heading.Length..], names, 1, allowLinks: true)));
                continue;
            }

            var item = ListItem().Match(line);
            if (item.Success)
            {
                nodes.Add(new MarkupListItem(ParseInline(line[item.Length..], names, 1, allowLinks: true)));
                continue;
            }

            nodes.AddRange(ParseInline(line.StartsWith("-# ", StringComparison.Ordinal) ? line[3..] : line, names, 0, allowLinks: true));
        }
    }

    private static bool IsQuoteLine(string line) => line.StartsWith("> ", StringComparison.Ordinal) || line == ">";

    internal static List<MarkupNode> ParseInline(string text, MarkupNames names, int depth, bool allowLinks)
    {
        List<MarkupNode> nodes = [];
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            int consumed;
            MarkupNode? node;
            if (c == '\n')
            {
                (node, consumed) = (new MarkupLineBreak(), 1);
            }
            else if (c == '\\' && i + 1 < text.Length && !char.IsAsciiLetterOrDigit(text[i + 1]) && text[i + 1] > ' ' && text[i + 1] < 127)
            {
                literal.Append(text[i + 1]);
                i += 2;
                continue;
            }
            else
            {
                (node, consumed) = c switch
                {
                    '`' => InlineCode(text, i),
                    '<' => Angle(text, i, names, allowLinks),
                    '[' when allowLinks => MaskedLink(text, i, names, depth),
                    'h' when allowLinks => BareLink(text, i),
                    '*' or '_' or '~' or '|' when depth < MaxDepth => Styled(text, i, names, depth, allowLinks),
                    _ => (null, 0),
                };
            }

            if (node is null)
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (literal.Length > 0)
            {
                nodes.Add(new MarkupText(literal.ToString()));
                literal.Clear();
            }

            nodes.Add(node);
            i += consumed;
        }

        if (literal.Length > 0)
        {
            nodes.Add(new MarkupText(literal.ToString()));
        }

        return nodes;
    }

    [GeneratedRegex(@"^#{1,3} ", RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s{0,4}[-*] ", RegexOptions.CultureInvariant)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^[A-Za-z0-9+#._-]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageName();
}
