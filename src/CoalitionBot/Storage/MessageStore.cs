namespace CoalitionBot.Storage;

/// Stored messages: written by ingestion (upsert by id, so a re-poll never duplicates), read by the digest.
internal sealed class MessageStore(Database database)
{
    public const string CollectionName = "messages";

    /// Inserts or replaces each message by id, in one transaction.
    public int Upsert(IEnumerable<StoredMessage> messages)
    {
        var engine = database.Engine;
        engine.BeginTrans();
        try
        {
            var count = Messages().Upsert(messages);
            engine.Commit();
            return count;
        }
        catch
        {
            engine.Rollback();
            throw;
        }
    }

    public StoredMessage? Find(ulong id) => Messages().FindById(new LiteDB.BsonValue(unchecked((long)id)));

    /// Messages whose timestamp is in [from, to), oldest first.
    public IReadOnlyList<StoredMessage> InPeriod(DateTimeOffset from, DateTimeOffset to) =>
        Messages().Find(m => m.Timestamp >= from && m.Timestamp < to).OrderBy(m => m.Id).ToList();

    public IReadOnlyList<StoredMessage> InChannel(ulong channelId, DateTimeOffset from, DateTimeOffset to) =>
        Messages().Find(m => m.ChannelId == channelId && m.Timestamp >= from && m.Timestamp < to).OrderBy(m => m.Id).ToList();

    public int Delete(IEnumerable<ulong> ids)
    {
        var collection = Messages();
        return ids.Count(id => collection.Delete(new LiteDB.BsonValue(unchecked((long)id))));
    }

    /// Removes messages older than the cut-off (retention). Returns how many went.
    public int DeleteOlderThan(DateTimeOffset cutoff) => Messages().DeleteMany(m => m.Timestamp < cutoff);

    public int Count() => Messages().Count();

    /// How many messages have a timestamp in [from, to) (the timestamp index answers it).
    public int Count(DateTimeOffset from, DateTimeOffset to) => Messages().Count(m => m.Timestamp >= from && m.Timestamp < to);

    /// The oldest stored message's timestamp, or null when none is stored.
    public DateTimeOffset? Earliest() => Messages().Query().OrderBy(m => m.Timestamp).Limit(1).FirstOrDefault()?.Timestamp;

    private LiteDB.ILiteCollection<StoredMessage> Messages() => database.Collection<StoredMessage>(CollectionName);
}
