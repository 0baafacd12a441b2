namespace CoalitionBot.Markup;

/// What rendering markup needs beyond the tree: the language's texts and the time zone.
internal sealed record MarkupContext(IMarkupTexts Texts, TimeZoneInfo Zone)
{
    public string MentionLabel(MarkupMention mention) => mention.Kind switch
    {
        MentionKind.User => "@" + (mention.Name ?? Texts.UnknownUser),
        MentionKind.Role => "@" + (mention.Name ?? Texts.UnknownRole),
        _ => "#" + (mention.Name ?? Texts.UnknownChannel),
    };

    /// Discord shows timestamps in the reader's zone; a mail has one reader zone, the digest's.
    public string Timestamp(MarkupTimestamp timestamp)
    {
        var local = TimeZoneInfo.ConvertTime(timestamp.Instant, Zone);
        var format = timestamp.Style switch
        {
            't' => "HH:mm",
            'T' => "HH:mm:ss",
            'd' => "dd/MM/yyyy",
            'D' => "d MMMM yyyy",
            'F' => "dddd d MMMM yyyy HH:mm",
            's' => "dd/MM/yyyy HH:mm",
            'S' => "dd/MM/yyyy HH:mm:ss",
            _ => "d MMMM yyyy HH:mm",
        };
        return local.ToString(format, Texts.Culture);
    }
}
