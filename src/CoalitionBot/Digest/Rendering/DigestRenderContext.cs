using CoalitionBot.Markup;

namespace CoalitionBot.Digest.Rendering;

/// The texts, zone and server name a digest is rendered with.
internal sealed record DigestRenderContext(DigestTexts Texts, string ServerName, TimeZoneInfo Zone)
{
    public MarkupContext Markup { get; } = new(Texts, Zone);

    public string Title(DailyDigest digest) =>
        digest.Period.IsWeek
            ? Texts.Format(Texts.WeekTitleFormat, ShortDate(digest.Period.Day), Texts.Date(digest.Period.LastDay))
            : Texts.Format(Texts.TitleFormat, Texts.Date(digest.Period.Day));

    public string Subject(DailyDigest digest) =>
        digest.Period.IsWeek
            ? Texts.Format(Texts.WeekSubjectFormat, ServerName, ShortDate(digest.Period.Day), Texts.Date(digest.Period.LastDay), Texts.Messages(digest.Figures.Messages))
            : Texts.Format(Texts.SubjectFormat, ServerName, Texts.Date(digest.Period.Day), Texts.Messages(digest.Figures.Messages));

    public string Intro(DailyDigest digest) => Texts.Format(digest.Period.IsWeek ? Texts.WeekIntro : Texts.Intro, ServerName);

    public string EmptyText(DailyDigest digest) => digest.Period.IsWeek ? Texts.EmptyWeek : Texts.EmptyDay;

    public string FiguresLine(DailyDigest digest)
    {
        var figures = digest.Figures;
        var line = Texts.Messages(figures.Messages) + ", " + Texts.Members(figures.ActiveMembers);
        if (figures.Change is not { } change)
        {
            return line;
        }

        var compared = change == 0 && !digest.Period.IsWeek ? Texts.NoChange : Texts.Format(digest.Period.IsWeek ? Texts.WeekChangeFormat : Texts.ChangeFormat, change);
        return line + " (" + compared + ")";
    }

    private string ShortDate(DateOnly day) => day.ToString(Texts.ShortDateFormat, Texts.Culture);

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
            : Texts.Format(Texts.ReplyToFormat, reply.Author) + (reply.Content is { IsEmpty: false } content ? Texts.Colon + Texts.Quote(MarkupPlainText.Excerpt(content, Markup, 80)) : "");
}
