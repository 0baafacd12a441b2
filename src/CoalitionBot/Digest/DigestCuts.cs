namespace CoalitionBot.Digest;

/// What a built digest left out or shortened, as its builder decided (the size budget, the cap of
/// messages per channel, the cap on a message's length): for the admin page's preview, so moderators
/// see what the mail will not show in full.
internal sealed record DigestCuts(
    IReadOnlyList<SectionCut> Shortened,
    IReadOnlyList<ChannelActivity> OnlyNamed,
    IReadOnlyList<ChannelActivity> LeftOut,
    IReadOnlyList<TruncatedMessage> Truncated)
{
    public static DigestCuts None { get; } = new([], [], [], []);

    public bool IsEmpty => Shortened.Count == 0 && OnlyNamed.Count == 0 && LeftOut.Count == 0 && Truncated.Count == 0;

    public static DigestCuts Of(DailyDigest digest)
    {
        var shortened = digest.Sections
            .Where(s => s.Omitted > 0)
            .Select(s => new SectionCut(s.Name, s.Important, s.Entries.Count + s.Threads.Sum(t => t.Entries.Count), s.Omitted))
            .ToList();
        var channels = digest.Sections.ToDictionary(s => s.ChannelId, s => s.Name);
        var entries = digest.Sections.SelectMany(s => s.Entries.Concat(s.Threads.SelectMany(t => t.Entries)))
            .Concat(digest.Highlights.Select(h => h.Entry));
        var truncated = entries
            .Where(e => e.Truncated)
            .DistinctBy(e => e.Id)
            .OrderBy(e => e.LocalTime)
            .Select(e => new TruncatedMessage(channels.GetValueOrDefault(e.ChannelId), e.Author, e.LocalTime, e.JumpLink))
            .ToList();
        return new DigestCuts(shortened, digest.OtherChannels, digest.LeftOutChannels, truncated);
    }
}

/// A channel shown with some of its messages only: <see cref="Kept"/> shown, <see cref="Omitted"/> left out.
internal sealed record SectionCut(string Channel, bool Important, int Kept, int Omitted);

/// A message cut to DigestSettings.MaxMessageLength characters; its channel when it is a section's
/// own (a thread's message names no channel here).
internal sealed record TruncatedMessage(string? Channel, string Author, DateTimeOffset LocalTime, string JumpLink);
