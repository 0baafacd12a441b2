using CoalitionBot.Markup;
using CoalitionBot.Templates;

namespace CoalitionBot.Digest.Rendering;

/// The digest as email HTML: tables, inline styles, one column of at most 650 px, explicit text and
/// background colours (so a dark mode cannot make text vanish), no images, no scripts.
/// Each template is an <see cref="Html"/> interpolated string: every hole is encoded unless it is markup.
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
        var body = $"padding:8px 20px;color:{Text};background-color:{Card};";
        return Html.Of($$"""
            <!DOCTYPE html><html lang="{{texts.HtmlLanguage}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="color-scheme" content="light"><meta name="supported-color-schemes" content="light"><title>{{context.Subject(digest)}}</title></head><body style="margin:0;padding:0;background-color:{{Page}};color:{{Text}};"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="{{Page}}" style="background-color:{{Page}};"><tr><td align="center" style="padding:12px 6px;background-color:{{Page}};color:{{Text}};"><table role="presentation" width="650" cellpadding="0" cellspacing="0" border="0" bgcolor="{{Card}}" style="width:100%;max-width:650px;background-color:{{Card}};color:{{Text}};font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.45;">
            {{Row($"background-color:{Accent};color:#ffffff;padding:16px 20px;", Html.Of($"""
                <div style="font-size:13px;color:#ffffff;">{context.ServerName}</div><div style="font-size:22px;font-weight:bold;color:#ffffff;">{context.Title(digest)}</div>
                """))}}
            {{(digest.Abstract is { } summary ? Row($"padding:14px 20px 4px 20px;color:{Text};background-color:{Card};", Abstract(summary, context)) : Html.Empty)}}
            {{Row($"padding:14px 20px 4px 20px;color:{Text};background-color:{Card};", Figures(digest, context))}}
            {{(digest.Highlights.Count > 0 ? Row(body, Highlights(digest, context)) : Html.Empty)}}
            {{Html.Concat(digest.Sections.Select(section => Row(body, Section(section, context))))}}
            {{(digest.OtherChannels.Count > 0 ? Row(body, OtherChannels(digest, context)) : Html.Empty)}}
            {{(digest.IsEmpty ? Row($"padding:8px 20px;color:{Muted};background-color:{Card};", Html.Of($"{context.EmptyText(digest)}")) : Html.Empty)}}
            {{Row($"padding:14px 20px;font-size:12px;color:{Muted};background-color:{Card};border-top:1px solid #e3e5e8;", Html.Of($"{texts.Footer}"))}}
            </table></td></tr></table></body></html>
            """).ToString();
    }

    private static Html Row(string style, Html body) => Html.Of($"""<tr><td style="{style}">{body}</td></tr>""");

    private static Html Heading(string text) => Html.Of($"""<h2 style="font-size:17px;margin:8px 0 6px 0;color:{Text};">{text}</h2>""");

    private static Html Anchor(string url, string label) => Html.Of($"""<a href="{url}" style="color:{Link};">{label}</a>""");

    /// "#name (12), #other (3)", each name a link to its channel.
    private static Html ChannelCounts(IEnumerable<ChannelActivity> channels) =>
        Html.Join(", ", channels.Select(channel => Html.Of($"{Anchor(channel.Link, "#" + channel.Name)} ({channel.Messages})")));

    /// The model's words are text holes, encoded like any message; the only links are the citations'
    /// jump links, which our code took from the digest's own messages.
    private static Html Abstract(DigestAbstract summary, DigestRenderContext context)
    {
        var texts = context.Texts;
        var words = Html.Concat(summary.Parts.Select(part => part.Link is { } link ? Anchor(link, part.Text) : Html.Of($"{part.Text}")));
        return Html.Of($"""
            {Heading(texts.AbstractHeading)}<p style="margin:0 0 4px 0;color:{Text};">{words}</p><p style="margin:0 0 6px 0;font-size:12px;color:{Muted};">{texts.Format(texts.AbstractLabelFormat, summary.Model)}</p>
            """);
    }

    private static Html Figures(DailyDigest digest, DigestRenderContext context)
    {
        var texts = context.Texts;
        var busiest = digest.Figures.BusiestChannels;
        return Html.Of($"""
            <p style="margin:0 0 6px 0;color:{Text};">{context.Intro(digest)}</p><p style="margin:0 0 6px 0;color:{Text};"><strong>{texts.FiguresHeading}{texts.Colon}</strong>{context.FiguresLine(digest)}{Html.If(busiest.Count > 0, $"<br>{texts.BusiestChannels}{texts.Colon}{ChannelCounts(busiest)}")}</p>
            """);
    }

    private static Html Highlights(DailyDigest digest, DigestRenderContext context) =>
        Html.Of($"{Heading(context.Texts.HighlightsHeading)}{Html.Concat(digest.Highlights.Select(highlight => Highlight(highlight, context)))}");

    private static Html Highlight(DigestHighlight highlight, DigestRenderContext context)
    {
        var texts = context.Texts;
        var place = texts.Format(texts.InChannelFormat, highlight.ChannelName) + (highlight.ThreadName is { } thread ? " · " + texts.Format(texts.ThreadFormat, thread) : "");
        var excerpt = texts.Quote(MarkupPlainText.Excerpt(highlight.Entry.Content, context.Markup, 160));
        var reason = texts.Reason(highlight.Reactions, highlight.Participants, highlight.Replies);
        return Html.Of($"""
            <p style="margin:0 0 8px 0;color:{Text};">{Anchor(highlight.Link, excerpt)}<br><span style="font-size:13px;color:{Muted};">{highlight.Entry.Author} {place} — <strong>{reason}</strong></span></p>
            """);
    }

    private static Html Section(DigestSection section, DigestRenderContext context)
    {
        var texts = context.Texts;
        return Html.Of($"""
            <h2 style="font-size:17px;margin:10px 0 6px 0;border-bottom:1px solid #e3e5e8;color:{Text};">{Anchor(section.Link, (section.Important ? "★ #" : "#") + section.Name)}</h2>{Entries(section.Entries, context)}{Html.Concat(section.Threads.Select(thread => Html.Of($"""
                <div style="margin:6px 0 6px 12px;padding-left:10px;border-left:2px solid #d4d7dc;color:{Text};"><div style="font-weight:bold;font-size:14px;margin-bottom:4px;">{Anchor(thread.Link, texts.Format(texts.ThreadFormat, thread.Name))}</div>{Entries(thread.Entries, context)}</div>
                """)))}{Html.If(section.Omitted > 0, $"""<p style="margin:4px 0;font-size:13px;">{Anchor(section.Link, texts.MoreMessages(section.Omitted, section.Name))}</p>""")}
            """);
    }

    private static Html OtherChannels(DailyDigest digest, DigestRenderContext context)
    {
        var texts = context.Texts;
        return Html.Of($"""
            {Heading(texts.OtherChannelsHeading)}<p style="margin:0;color:{Text};">{ChannelCounts(digest.OtherChannels)}{Html.If(digest.OtherChannelsOmitted > 0, $" {texts.Format(texts.OtherChannelsMoreFormat, digest.OtherChannelsOmitted)}")}</p>
            """);
    }

    private static Html Entries(IEnumerable<DigestEntry> entries, DigestRenderContext context) =>
        Html.Concat(entries.Select(entry => Entry(entry, context)));

    private static Html Entry(DigestEntry entry, DigestRenderContext context)
    {
        var texts = context.Texts;
        var time = texts.Time(entry.LocalTime);
        if (entry.Kind != DigestEntryKind.Message)
        {
            return Html.Of($"""<p style="margin:0 0 6px 0;font-size:13px;color:{Muted};">{time} · {Anchor(entry.JumpLink, context.OneLiner(entry))}</p>""");
        }

        var reply = entry.ReplyTo is { } to ? Html.Of($" · ↪ {Anchor(to.JumpLink, context.ReplyLine(to))}") : Html.Empty;
        var content = Html.Raw(MarkupHtml.Render(entry.Content, context.Markup));
        return Html.Of($"""
            <div style="margin:0 0 10px 0;color:{Text};"><div style="font-size:13px;color:{Muted};"><strong style="color:{Text};">{entry.Author}</strong> · {Anchor(entry.JumpLink, time)}{reply}</div><div style="color:{Text};word-wrap:break-word;">{content}{Html.If(entry.Truncated, $""" <a href="{entry.JumpLink}" style="color:{Link};font-size:13px;">{texts.Truncated}</a>""")}</div>{Html.Concat(entry.Attachments.Select(attachment => Html.Of($"""<div style="font-size:13px;">📎 {Anchor(entry.JumpLink, context.Attachment(attachment))}</div>""")))}</div>
            """);
    }
}
