using System.Text;
using CoalitionBot.Templates;

namespace CoalitionBot.Markup;

/// Markup to HTML for the mail. Every piece of text goes through the encoder; the only tags are
/// ours, and the only attribute that carries message data is an http(s) href, encoded too.
internal static class MarkupHtml
{
    public static string Encode(string text) => Html.Encode(text);

    public static void Append(StringBuilder html, IReadOnlyList<MarkupNode> nodes, MarkupContext context)
    {
        foreach (var node in nodes)
        {
            Append(html, node, context);
        }
    }

    public static string Render(MarkupDocument document, MarkupContext context)
    {
        var html = new StringBuilder();
        Append(html, document.Nodes, context);
        return html.ToString();
    }

    private static void Append(StringBuilder html, MarkupNode node, MarkupContext context)
    {
        switch (node)
        {
            case MarkupText text:
                html.Append(Encode(text.Text));
                break;
            case MarkupLineBreak:
                html.Append("<br>");
                break;
            case MarkupStyled styled:
                AppendStyled(html, styled, context);
                break;
            case MarkupInlineCode code:
                html.Append("<code style=\"font-family:Consolas,Menlo,monospace;background-color:#ebedef;color:#1e1f22;\">")
                    .Append(Encode(code.Code)).Append("</code>");
                break;
            case MarkupCodeBlock block:
                html.Append("<pre style=\"font-family:Consolas,Menlo,monospace;font-size:13px;background-color:#ebedef;color:#1e1f22;padding:6px;margin:4px 0;white-space:pre-wrap;word-break:break-word;\">")
                    .Append(Encode(block.Code)).Append("</pre>");
                break;
            case MarkupQuote quote:
                html.Append("<div style=\"border-left:3px solid #c4c9ce;padding-left:8px;margin:2px 0;color:#4e5058;\">");
                Append(html, quote.Children, context);
                html.Append("</div>");
                break;
            case MarkupListItem item:
                html.Append("&bull; ");
                Append(html, item.Children, context);
                break;
            case MarkupLink link:
                html.Append("<a href=\"").Append(Encode(link.Url.AbsoluteUri)).Append("\" style=\"color:#1a5fb4;\">");
                Append(html, link.Label, context);
                html.Append("</a>");
                if (LinkTarget.NeedsHost(link, context))
                {
                    html.Append(" <span style=\"color:#5c5e66;font-size:12px;\">(").Append(Encode(LinkTarget.Host(link.Url))).Append(")</span>");
                }

                break;
            case MarkupMention mention:
                html.Append("<span style=\"color:#3c45a5;background-color:#e6e8fd;\">").Append(Encode(context.MentionLabel(mention))).Append("</span>");
                break;
            case MarkupEmoji emoji:
                html.Append(':').Append(Encode(emoji.Name)).Append(':');
                break;
            case MarkupTimestamp timestamp:
                html.Append(Encode(context.Timestamp(timestamp)));
                break;
            default:
                break;
        }
    }

    private static void AppendStyled(StringBuilder html, MarkupStyled styled, MarkupContext context)
    {
        if (styled.Style == MarkupStyle.Spoiler)
        {
            // Hidden as Discord hides it: same colour on same colour until selected, and labelled.
            html.Append("<span style=\"color:#5c5e66;background-color:#ffffff;font-size:11px;\">[")
                .Append(Encode(context.Texts.Spoiler))
                .Append("]</span> <span style=\"background-color:#1e1f22;color:#1e1f22;\">");
            Append(html, styled.Children, context);
            html.Append("</span>");
            return;
        }

        var tag = styled.Style switch
        {
            MarkupStyle.Bold or MarkupStyle.Heading => "strong",
            MarkupStyle.Italic => "em",
            MarkupStyle.Underline => "u",
            _ => "s",
        };
        html.Append('<').Append(tag).Append('>');
        Append(html, styled.Children, context);
        html.Append("</").Append(tag).Append('>');
    }
}
