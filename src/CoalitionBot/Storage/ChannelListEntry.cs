namespace CoalitionBot.Storage;

/// A moderator's decision about one channel: left out of the digest, or marked important.
/// A seed file may name a channel before its id is known; the id is filled in once it is.
internal sealed class ChannelListEntry
{
    public int Id { get; set; }

    public ulong? ChannelId { get; set; }

    public string? Name { get; set; }

    public bool Excluded { get; set; }

    public bool Important { get; set; }

    public ulong? ChangedById { get; set; }

    public string ChangedBy { get; set; } = "";

    public DateTimeOffset ChangedAt { get; set; }

    public string Label => Name is { Length: > 0 } ? Name : ChannelId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
}
