namespace CoalitionBot.Markup;

/// Discord markdown parsed into a small tree. Text in it is raw (never escaped): each renderer
/// escapes for its own output.
internal abstract record MarkupNode;

internal sealed record MarkupText(string Text) : MarkupNode;

internal sealed record MarkupLineBreak : MarkupNode;

internal enum MarkupStyle
{
    Bold,
    Italic,
    Underline,
    Strike,
    Spoiler,
    Heading,
}

internal sealed record MarkupStyled(MarkupStyle Style, IReadOnlyList<MarkupNode> Children) : MarkupNode;

internal sealed record MarkupInlineCode(string Code) : MarkupNode;

internal sealed record MarkupCodeBlock(string? Language, string Code) : MarkupNode;

internal sealed record MarkupQuote(IReadOnlyList<MarkupNode> Children) : MarkupNode;

internal sealed record MarkupListItem(IReadOnlyList<MarkupNode> Children) : MarkupNode;

/// A link whose target is http or https; anything else never becomes a link.
internal sealed record MarkupLink(Uri Url, IReadOnlyList<MarkupNode> Label) : MarkupNode;

internal enum MentionKind
{
    User,
    Role,
    Channel,
}

/// A mention with its resolved name; a null name is shown as "unknown".
internal sealed record MarkupMention(MentionKind Kind, ulong Id, string? Name) : MarkupNode;

internal sealed record MarkupEmoji(string Name) : MarkupNode;

internal sealed record MarkupTimestamp(DateTimeOffset Instant, char Style) : MarkupNode;

/// A message's parsed content.
internal sealed record MarkupDocument(IReadOnlyList<MarkupNode> Nodes)
{
    public static readonly MarkupDocument Empty = new([]);

    public bool IsEmpty => Nodes.Count == 0;
}

/// Names for mentions: from the message's own mention lists and the server's channels.
internal sealed record MarkupNames(
    IReadOnlyDictionary<ulong, string> Users,
    IReadOnlyDictionary<ulong, string> Roles,
    IReadOnlyDictionary<ulong, string> Channels)
{
    public static readonly MarkupNames None = new(new Dictionary<ulong, string>(), new Dictionary<ulong, string>(), new Dictionary<ulong, string>());
}
