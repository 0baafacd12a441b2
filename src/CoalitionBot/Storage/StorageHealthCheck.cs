using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoalitionBot.Storage;

internal sealed class StorageHealthCheck(Database database) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var collections = database.Engine.GetCollectionNames().Count();
            return Task.FromResult(HealthCheckResult.Healthy("database open", new Dictionary<string, object> { ["collections"] = collections }));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or LiteDB.LiteException or ObjectDisposedException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("the database cannot be opened: " + exception.Message));
        }
    }
}
