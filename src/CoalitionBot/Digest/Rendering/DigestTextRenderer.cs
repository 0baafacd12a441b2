using CoalitionBot.Markup;
using System.Text;

namespace CoalitionBot.Digest.Rendering;

/// The digest as plain text that stands on its own: a list that keeps only this part loses nothing
/// but the colours.
internal static class DigestTextRenderer
{
    public static string Render(DailyDigest digest, DigestRenderContext context)
    {
        var texts = context.Texts;
        var text = new StringBuilder(8_192);
        var title = context.Title(digest) + " — " + context.ServerName;
        text.Append(title).Append('\n').Append('=', Math.Min(title.Length, 72)).Append("\n\n");
        text.Append(context.Intro(digest)).Append("\n\n");
        if (digest.Abstract is { } summary)
        {
            Heading(text, texts.AbstractHeading);
            text.AppendJoin("", summary.Parts.Select(p => p.Text)).Append('\n')
                .Append('(').Append(texts.Format(texts.AbstractLabelFormat, summary.Model)).Append(")\n");
            foreach (var citation in summary.Citations)
            {
                text.Append(citation.Text).Append(' ').Append(citation.Link).Append('\n');
            }

            text.Append('\n');
        }

        text.Append(texts.FiguresHeading).Append(texts.Colon).Append(context.FiguresLine(digest)).Append('\n');
        if (digest.Figures.BusiestChannels.Count > 0)
        {
            text.Append(texts.BusiestChannels).Append(texts.Colon)
                .AppendJoin(", ", digest.Figures.BusiestChannels.Select(c => "#" + c.Name + " (" + c.Messages + ")")).Append('\n');
        }

        if (digest.Highlights.Count > 0)
        {
            Heading(text, texts.HighlightsHeading);
            foreach (var highlight in digest.Highlights)
            {
                var place = texts.Format(texts.InChannelFormat, highlight.ChannelName) + (highlight.ThreadName is { } thread ? " · " + texts.Format(texts.ThreadFormat, thread) : "");
                text.Append("- ").Append(texts.Quote(MarkupPlainText.Excerpt(highlight.Entry.Content, context.Markup, 160))).Append('\n')
                    .Append("  ").Append(highlight.Entry.Author).Append(' ').Append(place).Append(" — ")
                    .Append(texts.Reason(highlight.Reactions, highlight.Participants, highlight.Replies)).Append('\n')
                    .Append("  ").Append(highlight.Link).Append('\n');
            }
        }

        foreach (var section in digest.Sections)
        {
            Heading(text, (section.Important ? "★ #" : "#") + section.Name);
            foreach (var entry in section.Entries)
            {
                AppendEntry(text, entry, context, "");
            }

            foreach (var thread in section.Threads)
            {
                text.Append("  ").Append(texts.Format(texts.ThreadFormat, thread.Name)).Append(" — ").Append(thread.Link).Append('\n');
                foreach (var entry in thread.Entries)
                {
                    AppendEntry(text, entry, context, "  | ");
                }
            }

            if (section.Omitted > 0)
            {
                text.Append(texts.MoreMessages(section.Omitted, section.Name)).Append(' ').Append(section.Link).Append('\n');
            }
        }

        if (digest.OtherChannels.Count > 0)
        {
            Heading(text, texts.OtherChannelsHeading);
            text.AppendJoin('\n', digest.OtherChannels.Select(c => "#" + c.Name + " (" + c.Messages + ") " + c.Link)).Append('\n');
            if (digest.OtherChannelsOmitted > 0)
            {
                text.Append(texts.Format(texts.OtherChannelsMoreFormat, digest.OtherChannelsOmitted)).Append('\n');
            }
        }

        if (digest.IsEmpty)
        {
            text.Append('\n').Append(context.EmptyText(digest)).Append('\n');
        }

        text.Append("\n-- \n").Append(texts.Footer).Append('\n');
        return text.ToString();
    }

    private static void Heading(StringBuilder text, string heading) =>
        text.Append(text.ToString().EndsWith("\n\n", StringComparison.Ordinal) ? "" : "\n").Append(heading).Append('\n').Append('-', Math.Min(heading.Length, 72)).Append('\n');

    private static void AppendEntry(StringBuilder text, DigestEntry entry, DigestRenderContext context, string indent)
    {
        var texts = context.Texts;
        var time = texts.Time(entry.LocalTime);
        if (entry.Kind != DigestEntryKind.Message)
        {
            text.Append(indent).Append('[').Append(time).Append("] ").Append(context.OneLiner(entry)).Append(" — ").Append(entry.JumpLink).Append('\n');
            return;
        }

        text.Append(indent).Append('[').Append(time).Append("] ").Append(entry.Author);
        if (entry.ReplyTo is { } reply)
        {
            text.Append(" (↪ ").Append(context.ReplyLine(reply)).Append(')');
        }

        text.Append(texts.Colon.TrimEnd()).Append('\n');
        var content = MarkupPlainText.Render(entry.Content, context.Markup);
        foreach (var line in content.Split('\n'))
        {
            text.Append(indent).Append("    ").Append(line).Append('\n');
        }

        if (entry.Truncated)
        {
            text.Append(indent).Append("    ").Append(texts.Truncated).Append('\n');
        }

        foreach (var attachment in entry.Attachments)
        {
            text.Append(indent).Append("    📎 ").Append(context.Attachment(attachment)).Append('\n');
        }

        text.Append(indent).Append("    ").Append(entry.JumpLink).Append("\n\n");
    }
}
