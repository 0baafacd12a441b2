namespace CoalitionBot.Storage;

/// The server's channels, categories and threads as last seen by ingestion.
internal sealed class ChannelStore(Database database)
{
    public const string CollectionName = "channels";

    private readonly Lock gate = new();
    private ServerList? serverList;

    public void Upsert(IEnumerable<StoredChannel> channels)
    {
        Channels().Upsert(channels);
        lock (gate)
        {
            serverList = null;
        }
    }

    public StoredChannel? Find(ulong id) => Channels().FindById(new LiteDB.BsonValue(unchecked((long)id)));

    public IReadOnlyList<StoredChannel> All() => Channels().FindAll().ToList();

    /// The server's channels (not threads) as ingestion last saw them, as Discord would list them;
    /// null when ingestion has not seen any yet. The same instance until ingestion writes again
    /// (this process is the database's only writer), so callers may cache what they derive from it.
    public IReadOnlyList<Discord.Models.Channel>? AsServerList()
    {
        lock (gate)
        {
            if (serverList is null)
            {
                var channels = All().Where(c => !Discord.Models.ChannelTypes.IsThread(c.Type)).ToList();
                serverList = new ServerList(channels.Count == 0 ? null : [.. channels.Select(c => c.ToChannel())]);
            }

            return serverList.Channels;
        }
    }

    private LiteDB.ILiteCollection<StoredChannel> Channels() => database.Collection<StoredChannel>(CollectionName);

    /// What was read, null included (ingestion has not seen a channel yet), until the next write.
    private sealed record ServerList(IReadOnlyList<Discord.Models.Channel>? Channels);
}
