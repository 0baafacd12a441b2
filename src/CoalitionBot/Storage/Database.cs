using LiteDB;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Storage;

/// The one LiteDB file of the instance. Opened once, shared by every store, closed at shutdown.
internal sealed class Database : IDisposable
{
    private readonly Lazy<LiteDatabase> database;

    public Database(IOptions<StorageOptions> options, ILogger<Database> logger)
    {
        FullPath = System.IO.Path.GetFullPath(options.Value.Path);
        database = new Lazy<LiteDatabase>(() => Open(logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string FullPath { get; }

    /// True when this process created the file (seed imports run only then).
    public bool IsNew { get; private set; }

    public LiteDatabase Engine => database.Value;

    public ILiteCollection<T> Collection<T>(string name) => Engine.GetCollection<T>(name);

    public void Dispose()
    {
        if (database.IsValueCreated)
        {
            database.Value.Dispose();
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
        return mapper;
    }

    private LiteDatabase Open(ILogger logger)
    {
        var directory = System.IO.Path.GetDirectoryName(FullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        IsNew = !File.Exists(FullPath);
        var connection = new ConnectionString { Filename = FullPath, Connection = ConnectionType.Direct };
        var engine = new LiteDatabase(connection, CreateMapper());
        Log.DatabaseOpened(logger, FullPath, IsNew);
        return engine;
    }
}
