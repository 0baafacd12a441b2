using CoalitionBot.Markup;
using System.Text;

namespace CoalitionBot.Digest.Rendering;

/// The digest as email HTML: tables, inline styles, one column of at most 650 px, explicit text and
/// background colours (so a dark mode cannot make text vanish), no images, no scripts.
internal static class DigestHtmlRenderer
{
    private const string Text = "#1e1f22";
    private const string Muted = "#5c5e66";
    private const string Page = "#f2f3f5";
    private const string Card = "#ffffff";
    private const string Link = "#1a5fb4";
    private const string Accent = "#3c45a5";

    public static string Render(DailyDigest digest, DigestRenderContext context)
    {
        var texts = context.Texts;
        var html = new StringBuilder(16_384);
        html.Append("<!DOCTYPE html><html lang=\"").Append(texts.HtmlLanguage).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta name=\"color-scheme\" content=\"light\"><meta name=\"supported-color-schemes\" content=\"light\">")
            .Append("<title>").Append(E(context.Subject(digest))).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:0;background-color:").Append(Page).Append(";color:").Append(Text).Append(";\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" bgcolor=\"").Append(Page).Append("\" style=\"background-color:").Append(Page).Append(";\"><tr><td align=\"center\" style=\"padding:12px 6px;background-color:").Append(Page).Append(";color:").Append(Text).Append(";\">")
            .Append("<table role=\"presentation\" width=\"650\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" bgcolor=\"").Append(Card)
            .Append("\" style=\"width:100%;max-width:650px;background-color:").Append(Card).Append(";color:").Append(Text)
            .Append(";font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.45;\">");

        Row(html, $"background-color:{Accent};color:#ffffff;padding:16px 20px;", () =>
            html.Append("<div style=\"font-size:13px;color:#ffffff;\">").Append(E(context.ServerName)).Append("</div>")
                .Append("<div style=\"font-size:22px;font-weight:bold;color:#ffffff;\">").Append(E(context.Title(digest))).Append("</div>"));

        if (digest.Abstract is { } summary)
        {
            Row(html, $"padding:14px 20px 4px 20px;color:{Text};background-color:{Card};", () => AppendAbstract(html, summary, context));
        }

        Row(html, $"padding:14px 20px 4px 20px;color:{Text};background-color:{Card};", () => AppendFigures(html, digest, context));
        if (digest.Highlights.Count > 0)
        {
            Row(html, $"padding:8px 20px;color:{Text};background-color:{Card};", () => AppendHighlights(html, digest, context));
        }

        foreach (var section in digest.Sections)
        {
            Row(html, $"padding:8px 20px;color:{Text};background-color:{Card};", () => AppendSection(html, section, context));
        }

        if (digest.OtherChannels.Count > 0)
        {
            Row(html, $"padding:8px 20px;color:{Text};background-color:{Card};", () => AppendOtherChannels(html, digest, context));
        }

        if (digest.IsEmpty)
        {
            Row(html, $"padding:8px 20px;color:{Muted};background-color:{Card};", () => html.Append(E(context.EmptyText(digest))));
        }

        Row(html, $"padding:14px 20px;font-size:12px;color:{Muted};background-color:{Card};border-top:1px solid #e3e5e8;", () => html.Append(E(texts.Footer)));
        html.Append("</table></td></tr></table></body></html>");
        return html.ToString();
    }

    private static string E(string text) => MarkupHtml.Encode(text);

    private static void Row(StringBuilder html, string style, Action body)
    {
        html.Append("<tr><td style=\"").Append(style).Append("\">");
        body();
        html.Append("</td></tr>\n");
    }

    private static void Heading(StringBuilder html, string text) =>
        html.Append("<h2 style=\"font-size:17px;margin:8px 0 6px 0;color:").Append(Text).Append(";\">").Append(text).Append("</h2>");

    private static void Anchor(StringBuilder html, string url, string label) =>
        html.Append("<a href=\"").Append(E(url)).Append("\" style=\"color:").Append(Link).Append(";\">").Append(E(label)).Append("</a>");

    /// The model's words are text, encoded like any message; the only links are the citations' jump
    /// links, which our code took from the digest's own messages.
    private static void AppendAbstract(StringBuilder html, DigestAbstract summary, DigestRenderContext context)
    {
        Heading(html, E(context.Texts.AbstractHeading));
        html.Append("<p style=\"margin:0 0 4px 0;color:").Append(Text).Append(";\">");
        foreach (var part in summary.Parts)
        {
            if (part.Link is { } link)
            {
                Anchor(html, link, part.Text);
            }
            else
            {
                html.Append(E(part.Text));
            }
        }

        html.Append("</p><p style=\"margin:0 0 6px 0;font-size:12px;color:").Append(Muted).Append(";\">")
            .Append(E(context.Texts.Format(context.Texts.AbstractLabelFormat, summary.Model))).Append("</p>");
    }

    private static void AppendFigures(StringBuilder html, DailyDigest digest, DigestRenderContext context)
    {
        var texts = context.Texts;
        html.Append("<p style=\"margin:0 0 6px 0;color:").Append(Text).Append(";\">")
            .Append(E(context.Intro(digest))).Append("</p>");
        html.Append("<p style=\"margin:0 0 6px 0;color:").Append(Text).Append(";\"><strong>").Append(E(texts.FiguresHeading)).Append(E(texts.Colon)).Append("</strong>")
            .Append(E(context.FiguresLine(digest)));
        if (digest.Figures.BusiestChannels.Count > 0)
        {
            html.Append("<br>").Append(E(texts.BusiestChannels)).Append(E(texts.Colon));
            for (var i = 0; i < digest.Figures.BusiestChannels.Count; i++)
            {
                var channel = digest.Figures.BusiestChannels[i];
                html.Append(i > 0 ? ", " : "");
                Anchor(html, channel.Link, "#" + channel.Name);
                html.Append(" (").Append(channel.Messages).Append(')');
            }
        }

        html.Append("</p>");
    }

    private static void AppendHighlights(StringBuilder html, DailyDigest digest, DigestRenderContext context)
    {
        var texts = context.Texts;
        Heading(html, E(texts.HighlightsHeading));
        foreach (var highlight in digest.Highlights)
        {
            var place = texts.Format(texts.InChannelFormat, highlight.ChannelName) + (highlight.ThreadName is { } thread ? " · " + texts.Format(texts.ThreadFormat, thread) : "");
            html.Append("<p style=\"margin:0 0 8px 0;color:").Append(Text).Append(";\">");
            Anchor(html, highlight.Link, texts.Quote(MarkupPlainText.Excerpt(highlight.Entry.Content, context.Markup, 160)));
            html.Append("<br><span style=\"font-size:13px;color:").Append(Muted).Append(";\">")
                .Append(E(highlight.Entry.Author)).Append(' ').Append(E(place)).Append(" — <strong>")
                .Append(E(texts.Reason(highlight.Reactions, highlight.Participants, highlight.Replies))).Append("</strong></span></p>");
        }
    }

    private static void AppendSection(StringBuilder html, DigestSection section, DigestRenderContext context)
    {
        html.Append("<h2 style=\"font-size:17px;margin:10px 0 6px 0;border-bottom:1px solid #e3e5e8;color:").Append(Text).Append(";\">");
        Anchor(html, section.Link, (section.Important ? "★ #" : "#") + section.Name);
        html.Append("</h2>");
        foreach (var entry in section.Entries)
        {
            AppendEntry(html, entry, context);
        }

        foreach (var thread in section.Threads)
        {
            html.Append("<div style=\"margin:6px 0 6px 12px;padding-left:10px;border-left:2px solid #d4d7dc;color:").Append(Text).Append(";\">")
                .Append("<div style=\"font-weight:bold;font-size:14px;margin-bottom:4px;\">");
            Anchor(html, thread.Link, context.Texts.Format(context.Texts.ThreadFormat, thread.Name));
            html.Append("</div>");
            foreach (var entry in thread.Entries)
            {
                AppendEntry(html, entry, context);
            }

            html.Append("</div>");
        }

        if (section.Omitted > 0)
        {
            html.Append("<p style=\"margin:4px 0;font-size:13px;\">");
            Anchor(html, section.Link, context.Texts.MoreMessages(section.Omitted, section.Name));
            html.Append("</p>");
        }
    }

    private static void AppendOtherChannels(StringBuilder html, DailyDigest digest, DigestRenderContext context)
    {
        Heading(html, E(context.Texts.OtherChannelsHeading));
        html.Append("<p style=\"margin:0;color:").Append(Text).Append(";\">");
        for (var i = 0; i < digest.OtherChannels.Count; i++)
        {
            var channel = digest.OtherChannels[i];
            html.Append(i > 0 ? ", " : "");
            Anchor(html, channel.Link, "#" + channel.Name);
            html.Append(" (").Append(channel.Messages).Append(')');
        }

        if (digest.OtherChannelsOmitted > 0)
        {
            html.Append(' ').Append(E(context.Texts.Format(context.Texts.OtherChannelsMoreFormat, digest.OtherChannelsOmitted)));
        }

        html.Append("</p>");
    }

    private static void AppendEntry(StringBuilder html, DigestEntry entry, DigestRenderContext context)
    {
        var texts = context.Texts;
        var time = texts.Time(entry.LocalTime);
        if (entry.Kind != DigestEntryKind.Message)
        {
            html.Append("<p style=\"margin:0 0 6px 0;font-size:13px;color:").Append(Muted).Append(";\">").Append(time).Append(" · ");
            Anchor(html, entry.JumpLink, context.OneLiner(entry));
            html.Append("</p>");
            return;
        }

        html.Append("<div style=\"margin:0 0 10px 0;color:").Append(Text).Append(";\"><div style=\"font-size:13px;color:").Append(Muted).Append(";\"><strong style=\"color:").Append(Text).Append(";\">")
            .Append(E(entry.Author)).Append("</strong> · ");
        Anchor(html, entry.JumpLink, time);
        if (entry.ReplyTo is { } reply)
        {
            html.Append(" · ↪ ");
            Anchor(html, reply.JumpLink, context.ReplyLine(reply));
        }

        html.Append("</div><div style=\"color:").Append(Text).Append(";word-wrap:break-word;\">");
        MarkupHtml.Append(html, entry.Content.Nodes, context.Markup);
        if (entry.Truncated)
        {
            html.Append(" <a href=\"").Append(E(entry.JumpLink)).Append("\" style=\"color:").Append(Link).Append(";font-size:13px;\">").Append(E(texts.Truncated)).Append("</a>");
        }

        html.Append("</div>");
        foreach (var attachment in entry.Attachments)
        {
            html.Append("<div style=\"font-size:13px;\">📎 ");
            Anchor(html, entry.JumpLink, context.Attachment(attachment));
            html.Append("</div>");
        }

        html.Append("</div>");
    }
}
