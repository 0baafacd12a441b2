namespace CoalitionBot.Storage;

internal sealed record ChannelCursor
{
    /// The channel or thread id (LiteDB _id).
    public ulong Id { get; init; }

    public ulong LastMessageId { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
