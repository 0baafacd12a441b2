namespace CoalitionBot.Storage;

/// How far ingestion has read each channel or thread: the id of the newest message stored.
/// A cursor only moves after the messages before it are stored (invariant 1), and never backwards.
internal sealed class CursorStore(Database database, TimeProvider time)
{
    public const string CollectionName = "cursors";
    public const string StateCollectionName = "poll_state";

    public ulong? Get(ulong channelId) => Cursors().FindById(Key(channelId))?.LastMessageId;

    public IReadOnlyDictionary<ulong, ulong> All() => Cursors().FindAll().ToDictionary(c => c.Id, c => c.LastMessageId);

    /// Moves the channel's cursor to <paramref name="messageId"/> if that is further on.
    public void Advance(ulong channelId, ulong messageId)
    {
        var collection = Cursors();
        var current = collection.FindById(Key(channelId));
        if (current is null || current.LastMessageId < messageId)
        {
            collection.Upsert(new ChannelCursor { Id = channelId, LastMessageId = messageId, UpdatedAt = time.GetUtcNow() });
        }
    }

    /// When the last complete poll started, or null before the first one.
    public DateTimeOffset? LastPollStartedAt => State().FindById(PollState.SingletonId)?.LastPollStartedAt;

    public void SetLastPollStartedAt(DateTimeOffset startedAt) => UpdateState(state => state with { LastPollStartedAt = startedAt });

    /// Where the first complete poll started reading, or null before it (or on a database older than this field).
    public DateTimeOffset? CoveredSince => State().FindById(PollState.SingletonId)?.CoveredSince;

    public void SetCoveredSince(DateTimeOffset start) => UpdateState(state => state with { CoveredSince = start });

    /// The server's name on Discord as the last poll read it, or null before that.
    public string? ServerName => State().FindById(PollState.SingletonId)?.ServerName;

    public void SetServerName(string name) => UpdateState(state => state with { ServerName = name });

    private static LiteDB.BsonValue Key(ulong id) => new(unchecked((long)id));

    private LiteDB.ILiteCollection<ChannelCursor> Cursors() => database.Collection<ChannelCursor>(CollectionName);

    private void UpdateState(Func<PollState, PollState> change)
    {
        var state = State();
        state.Upsert(change(state.FindById(PollState.SingletonId) ?? new PollState { Id = PollState.SingletonId }));
    }

    private LiteDB.ILiteCollection<PollState> State() => database.Collection<PollState>(StateCollectionName);
}
