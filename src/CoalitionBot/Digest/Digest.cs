using CoalitionBot.Markup;

namespace CoalitionBot.Digest;

/// A built digest: what the renderers turn into a mail, embeds or a preview.
internal sealed record DailyDigest(
    DigestPeriod Period,
    ulong GuildId,
    DigestFigures Figures,
    IReadOnlyList<DigestHighlight> Highlights,
    IReadOnlyList<DigestSection> Sections)
{
    /// Channels with messages that did not fit as sections: only their name and count are shown.
    public IReadOnlyList<ChannelActivity> OtherChannels { get; init; } = [];

    /// Active channels left out even of <see cref="OtherChannels"/>, for lack of room.
    public int OtherChannelsOmitted { get; init; }

    /// Those channels by name, for the admin page's preview (the mail only counts them).
    public IReadOnlyList<ChannelActivity> LeftOutChannels { get; init; } = [];

    /// A model's few sentences about the day, when one was asked for and answered in time.
    public DigestAbstract? Abstract { get; init; }

    /// Nothing worth mailing happened: the sender may skip the day (it is recorded either way).
    public bool IsEmpty => Figures.Messages == 0 && Sections.Count == 0 && OtherChannels.Count == 0;
}

internal sealed record DigestFigures(
    int Messages,
    int ActiveMembers,
    int? PreviousDayMessages,
    IReadOnlyList<ChannelActivity> BusiestChannels)
{
    public int? Change => PreviousDayMessages is { } previous ? Messages - previous : null;
}

internal sealed record ChannelActivity(ulong ChannelId, string Name, string Link, int Messages);

/// A message or thread that drew people, with the figures that explain why it is here.
internal sealed record DigestHighlight(
    DigestEntry Entry,
    string ChannelName,
    string? ThreadName,
    string Link,
    int Participants,
    int Replies,
    int Reactions);

/// One channel's part of the digest: its own messages, then its threads and forum posts.
internal sealed record DigestSection(
    ulong ChannelId,
    string Name,
    string Link,
    bool Important,
    IReadOnlyList<DigestEntry> Entries,
    IReadOnlyList<DigestThread> Threads,
    int Omitted);

internal sealed record DigestThread(ulong Id, string Name, string Link, IReadOnlyList<DigestEntry> Entries);

internal enum DigestEntryKind
{
    Message,
    Pin,
    ThreadCreated,
}

internal sealed record DigestEntry(
    ulong Id,
    ulong ChannelId,
    DigestEntryKind Kind,
    string Author,
    DateTimeOffset LocalTime,
    MarkupDocument Content,
    IReadOnlyList<DigestAttachment> Attachments,
    string JumpLink,
    DigestReplyTo? ReplyTo,
    int Reactions,
    bool Truncated);

internal sealed record DigestAttachment(string FileName, string? ContentType, long Size);

/// What a message answers: the author and the original's content when it is known.
internal sealed record DigestReplyTo(string? Author, MarkupDocument? Content, string JumpLink);
