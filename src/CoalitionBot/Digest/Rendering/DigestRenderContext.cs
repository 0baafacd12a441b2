namespace CoalitionBot.Digest.Rendering;

/// The texts, zone and server name a digest is rendered with.
internal sealed record DigestRenderContext(DigestTexts Texts, string ServerName, TimeZoneInfo Zone)
{
    public MarkupContext Markup { get; } = new(Texts, Zone);

    public string Title(DailyDigest digest) => Texts.Format(Texts.TitleFormat, Texts.Date(digest.Period.Day));

    public string Subject(DailyDigest digest) =>
        Texts.Format(Texts.SubjectFormat, ServerName, Texts.Date(digest.Period.Day), Texts.Messages(digest.Figures.Messages));

    public string FiguresLine(DigestFigures figures)
    {
        var line = Texts.Messages(figures.Messages) + ", " + Texts.Members(figures.ActiveMembers);
        return figures.Change is { } change ? line + " (" + Texts.Change(change) + ")" : line;
    }

    public string Attachment(DigestAttachment attachment) =>
        attachment.FileName + " (" + (string.IsNullOrEmpty(attachment.ContentType) ? "" : attachment.ContentType + ", ") + Texts.Size(attachment.Size) + ")";

    public string OneLiner(DigestEntry entry) => entry.Kind switch
    {
        DigestEntryKind.Pin => Texts.Format(Texts.PinnedFormat, entry.Author),
        _ => Texts.Format(Texts.ThreadCreatedFormat, entry.Author, MarkupPlainText.Excerpt(entry.Content, Markup, 100)),
    };

    public string ReplyLine(DigestReplyTo reply) =>
        reply.Author is null
            ? Texts.ReplyToUnknown
            : Texts.Format(Texts.ReplyToFormat, reply.Author) + (reply.Content is { IsEmpty: false } content ? Texts.Colon + "« " + MarkupPlainText.Excerpt(content, Markup, 80) + " »" : "");
}
