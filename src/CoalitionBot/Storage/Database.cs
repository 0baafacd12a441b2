using LiteDB;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Storage;

/// The one LiteDB file of the instance. Opened once, shared by every store, closed at shutdown.
/// While it is open, this process holds an exclusive lock beside it (<see cref="DatabaseLock"/>).
internal sealed class Database : IDisposable
{
    private readonly Lock gate = new();
    private readonly ILogger<Database> logger;
    private LiteDatabase? database;
    private DatabaseLock? held;

    public Database(IOptions<StorageOptions> options, ILogger<Database> logger)
    {
        FullPath = System.IO.Path.GetFullPath(options.Value.Path);
        this.logger = logger;
    }

    public string FullPath { get; }

    /// True when this process created the file (seed imports run only then).
    public bool IsNew { get; private set; }

    /// The open database. A failure to open is not remembered: the next use tries again, so a
    /// fixed permission or a freed disk heals without a restart.
    public LiteDatabase Engine
    {
        get
        {
            if (database is { } open)
            {
                return open;
            }

            lock (gate)
            {
                return database ??= Open();
            }
        }
    }

    public ILiteCollection<T> Collection<T>(string name) => Engine.GetCollection<T>(name);

    /// The database cannot be opened or read (what <see cref="StorageHealthCheck"/> reports).
    public static bool IsUnavailable(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or LiteException or ObjectDisposedException or DatabaseInUseException;

    public void Dispose()
    {
        lock (gate)
        {
            database?.Dispose();
            database = null;
            held?.Dispose();
            held = null;
        }
    }

    public static BsonMapper CreateMapper()
    {
        var mapper = new BsonMapper { EnumAsInteger = false };
        // Snowflakes use all 64 bits in principle; LiteDB has no unsigned type, so they are stored as
        // the same bits in an Int64 and read back unchanged.
        mapper.RegisterType<ulong>(value => new BsonValue(unchecked((long)value)), bson => unchecked((ulong)bson.AsInt64));
        mapper.RegisterType<DateTimeOffset>(
            value => new BsonValue(value.UtcDateTime),
            bson => new DateTimeOffset(DateTime.SpecifyKind(bson.AsDateTime.ToUniversalTime(), DateTimeKind.Utc)));
        // LiteDB fills an IReadOnlyList<T> property with a List<T> it creates by reflection, which the
        // native AOT build cannot do for our types: each list a stored type holds is read here instead.
        RegisterList<StoredAttachment>(mapper);
        RegisterList<StoredEmbed>(mapper);
        RegisterList<StoredMention>(mapper);
        RegisterList<StoredReaction>(mapper);
        RegisterList<StoredOverwrite>(mapper);
        return mapper;
    }

    /// Written as LiteDB writes any list (an array of the items' documents), so existing files read the same.
    private static void RegisterList<T>(BsonMapper mapper) =>
        mapper.RegisterType<IReadOnlyList<T>>(
            list => new BsonArray(list.Select(mapper.Serialize)),
            bson => bson.AsArray.Select(mapper.Deserialize<T>).ToList());

    /// Once, when the file opens: an index check on every query takes the engine's lock each time.
    private static void EnsureIndexes(LiteDatabase engine)
    {
        var messages = engine.GetCollection<StoredMessage>(MessageStore.CollectionName);
        messages.EnsureIndex(m => m.Timestamp);
        messages.EnsureIndex(m => m.ChannelId);
        engine.GetCollection<ChannelListEntry>(ChannelListStore.CollectionName).EnsureIndex(e => e.ChannelId);
        engine.GetCollection<ChannelDayActivity>(DailyActivityStore.ChannelsCollectionName).EnsureIndex(c => c.DayNumber);
    }

    private LiteDatabase Open()
    {
        OwnerOnly.RestrictNewFiles();
        var directory = System.IO.Path.GetDirectoryName(FullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            OwnerOnly.CreateFolder(directory);
        }

        held = DatabaseLock.Acquire(FullPath);
        try
        {
            IsNew = !File.Exists(FullPath);
            var connection = new ConnectionString { Filename = FullPath, Connection = ConnectionType.Direct };
            var engine = new LiteDatabase(connection, CreateMapper());
            RestrictToOwner();
            EnsureIndexes(engine);
            Log.DatabaseOpened(logger, FullPath, IsNew);
            return engine;
        }
        catch
        {
            held.Dispose();
            held = null;
            throw;
        }
    }

    /// A file from an older version may still be readable by others; a file that is not ours stays as it is.
    private void RestrictToOwner()
    {
        try
        {
            OwnerOnly.Restrict(FullPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.NotOwnerOnly(logger, FullPath, exception.Message);
        }
    }
}
