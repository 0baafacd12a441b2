namespace CoalitionBot.Storage;

/// The server's channels, categories and threads as last seen by ingestion.
internal sealed class ChannelStore(Database database)
{
    public const string CollectionName = "channels";

    public void Upsert(IEnumerable<StoredChannel> channels) => Channels().Upsert(channels);

    public StoredChannel? Find(ulong id) => Channels().FindById(new LiteDB.BsonValue(unchecked((long)id)));

    public IReadOnlyList<StoredChannel> All() => Channels().FindAll().ToList();

    private LiteDB.ILiteCollection<StoredChannel> Channels() => database.Collection<StoredChannel>(CollectionName);
}
