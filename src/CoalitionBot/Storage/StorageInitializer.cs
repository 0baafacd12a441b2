namespace CoalitionBot.Storage;

/// Opens the database at start, so a bad path or a locked file is reported at once, and imports
/// the previous bot's lists into a new database. A database held by another process
/// (<see cref="DatabaseInUseException"/>) is not ridden out: it stops the start.
internal sealed class StorageInitializer(SeedImporter importer, Database database, ILogger<StorageInitializer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            importer.ImportIfNew();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or LiteDB.LiteException)
        {
            // The health endpoint reports it; commands answer with a clear message rather than a crash.
            Log.DatabaseUnavailable(logger, database.FullPath, exception.Message);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
