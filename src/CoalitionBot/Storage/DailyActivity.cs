namespace CoalitionBot.Storage;

/// One complete local day's activity: counts, no content, so it is kept beyond Storage:RetentionDays
/// (invariant 6 covers what quotes members; these hold no text, no name and no member id).
/// Written once the day has ended; the days whose messages are all still stored are counted again
/// at each settling and written only where a count changed (a re-polled day moves by the difference).
internal sealed record DayActivity
{
    /// The local day, as <see cref="DateOnly.DayNumber"/> (LiteDB _id).
    public int Id { get; init; }

    /// Messages the digest counts that day, in every channel it mails.
    public int Messages { get; init; }

    /// Distinct authors of those messages.
    public int ActiveMembers { get; init; }

    /// Reactions on those messages, all emoji added up.
    public int Reactions { get; init; }

    public DateOnly Day => DateOnly.FromDayNumber(Id);
}

/// One complete local day's activity in one channel (its threads and forum posts counted in it).
internal sealed record ChannelDayActivity
{
    /// "DayNumber:ChannelId" (LiteDB _id), so a day's channel is written once.
    public string Id { get; init; } = "";

    public int DayNumber { get; init; }

    public ulong ChannelId { get; init; }

    public int Messages { get; init; }

    /// Distinct authors in this channel that day.
    public int Authors { get; init; }

    public int Reactions { get; init; }

    public DateOnly Day => DateOnly.FromDayNumber(DayNumber);

    public static string Key(DateOnly day, ulong channelId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{day.DayNumber}:{channelId}");
}
