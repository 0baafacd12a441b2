using System.Text;

namespace CoalitionBot.Markup;

/// Markup to plain text that reads well on its own: emphasis kept as light marks, spoilers hidden,
/// links written out, a masked link's real host after its label.
internal static class MarkupPlainText
{
    public static string Render(MarkupDocument document, MarkupContext context)
    {
        var text = new StringBuilder();
        Append(text, document.Nodes, context);
        return text.ToString().TrimEnd();
    }

    /// One line, at most <paramref name="maxLength"/> characters, for highlights and replies.
    public static string Excerpt(MarkupDocument document, MarkupContext context, int maxLength)
    {
        var text = new StringBuilder();
        Append(text, document.Nodes, context, marks: false);
        var flat = string.Join(' ', text.ToString().Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return Shorten(flat, maxLength);
    }

    public static string Shorten(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - 1;
        if (char.IsLowSurrogate(text[cut]))
        {
            cut--;
        }

        var space = text.LastIndexOf(' ', cut);
        return text[..(space > maxLength / 2 ? space : cut)].TrimEnd() + "…";
    }

    public static void Append(StringBuilder text, IReadOnlyList<MarkupNode> nodes, MarkupContext context, bool marks = true)
    {
        foreach (var node in nodes)
        {
            Append(text, node, context, marks);
        }
    }

    private static void Append(StringBuilder text, MarkupNode node, MarkupContext context, bool marks)
    {
        switch (node)
        {
            case MarkupText plain:
                text.Append(plain.Text);
                break;
            case MarkupLineBreak:
                text.Append('\n');
                break;
            case MarkupStyled { Style: MarkupStyle.Spoiler }:
                text.Append(context.Texts.SpoilerHidden);
                break;
            case MarkupStyled styled:
                var mark = !marks ? "" : styled.Style switch
                {
                    MarkupStyle.Bold => "*",
                    MarkupStyle.Italic => "_",
                    MarkupStyle.Strike => "~",
                    _ => "",
                };
                text.Append(mark);
                Append(text, styled.Children, context, marks);
                text.Append(mark);
                break;
            case MarkupInlineCode code:
                text.Append(marks ? "`" : "").Append(code.Code).Append(marks ? "`" : "");
                break;
            case MarkupCodeBlock block:
                EnsureNewLine(text);
                foreach (var line in block.Code.Split('\n'))
                {
                    text.Append("    ").Append(line).Append('\n');
                }

                break;
            case MarkupQuote quote:
                EnsureNewLine(text);
                var inner = new StringBuilder();
                Append(inner, quote.Children, context, marks);
                foreach (var line in inner.ToString().TrimEnd('\n').Split('\n'))
                {
                    text.Append("> ").Append(line).Append('\n');
                }

                break;
            case MarkupListItem item:
                text.Append("• ");
                Append(text, item.Children, context, marks);
                break;
            case MarkupLink link:
                Append(text, link.Label, context, marks);
                if (LinkTarget.NeedsHost(link, context))
                {
                    // The real host right after the label; the full link only where there is room for it.
                    text.Append(" (").Append(LinkTarget.Host(link.Url)).Append(')');
                    if (marks)
                    {
                        text.Append(" <").Append(LinkTarget.Ascii(link.Url)).Append('>');
                    }
                }

                break;
            case MarkupMention mention:
                text.Append(context.MentionLabel(mention));
                break;
            case MarkupEmoji emoji:
                text.Append(':').Append(emoji.Name).Append(':');
                break;
            case MarkupTimestamp timestamp:
                text.Append(context.Timestamp(timestamp));
                break;
            default:
                break;
        }
    }

    private static void EnsureNewLine(StringBuilder text)
    {
        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }
    }
}
