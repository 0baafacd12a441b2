namespace CoalitionBot.Storage;

/// The server's channels, categories and threads as last seen by ingestion.
internal sealed class ChannelStore(Database database)
{
    public const string CollectionName = "channels";

    public void Upsert(IEnumerable<StoredChannel> channels) => Channels().Upsert(channels);

    public StoredChannel? Find(ulong id) => Channels().FindById(new LiteDB.BsonValue(unchecked((long)id)));

    public IReadOnlyList<StoredChannel> All() => Channels().FindAll().ToList();

    /// The server's channels (not threads) as ingestion last saw them, as Discord would list them;
    /// null when ingestion has not seen any yet.
    public IReadOnlyList<Discord.Models.Channel>? AsServerList()
    {
        var channels = All().Where(c => !Discord.Models.ChannelTypes.IsThread(c.Type)).ToList();
        return channels.Count == 0 ? null : [.. channels.Select(c => new Discord.Models.Channel(c.Id, c.Type, c.Name, c.Position, c.ParentId))];
    }

    private LiteDB.ILiteCollection<StoredChannel> Channels() => database.Collection<StoredChannel>(CollectionName);
}
