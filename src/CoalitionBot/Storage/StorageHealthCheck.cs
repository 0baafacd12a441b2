using CoalitionBot.Operations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoalitionBot.Storage;

internal sealed class StorageHealthCheck(Database database) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var collections = database.Engine.GetCollectionNames().Count();
            return Task.FromResult(HealthText.Healthy(t => t.DatabaseOpen, new Dictionary<string, object> { ["collections"] = collections }));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or LiteDB.LiteException or ObjectDisposedException or DatabaseInUseException)
        {
            return Task.FromResult(HealthText.Unhealthy(t => HealthTexts.Format(t.DatabaseUnavailableFormat, exception.Message)));
        }
    }
}
