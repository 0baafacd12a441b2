namespace CoalitionBot.Digest;

/// One digest record with the HTML and text as mailed, for GET /admin/api/digests/{date}.
internal sealed record DigestDetail(DigestSummary Summary, string Html, string Text)
{
    public static DigestDetail From(DigestRecord record) => new(DigestSummary.From(record), record.Html ?? "", record.Text ?? "");
}
