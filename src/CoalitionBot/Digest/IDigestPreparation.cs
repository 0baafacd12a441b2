namespace CoalitionBot.Digest;

/// Runs just before a day's digest is built. Ingestion plugs its "refresh the period from Discord"
/// in here, so the digest reads messages posted up to the last minute; without it, nothing happens.
internal interface IDigestPreparation
{
    Task PrepareAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
