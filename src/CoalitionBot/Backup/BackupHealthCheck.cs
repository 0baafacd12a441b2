using CoalitionBot.Operations;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Backup;

/// "backup": the last snapshot and how many are kept; degraded (still 200: the bot serves on) when
/// the last one failed or the folder cannot be read, so the admin page and /admin/api/status say it.
internal sealed class BackupHealthCheck(SnapshotWriter writer, IOptions<BackupOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<SnapshotFile> kept;
        try
        {
            kept = writer.Existing();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(HealthText.Degraded(
                $"the backup folder cannot be read: {exception.Message}", $"le dossier des sauvegardes est illisible : {exception.Message}"));
        }

        var data = new Dictionary<string, object> { ["kept"] = kept.Count };
        if (kept.Count > 0)
        {
            data["lastSnapshot"] = kept[0].TakenAt;
        }

        if (writer.LastFailure is { } failure)
        {
            data["lastFailureAt"] = failure.At;
            return Task.FromResult(HealthText.Degraded(
                $"the last snapshot failed at {failure.At:u}: {failure.Reason}", $"la dernière sauvegarde a échoué le {failure.At:u} : {failure.Reason}", data));
        }

        return Task.FromResult(kept.Count == 0
            ? HealthText.Healthy($"no snapshot yet: the first is taken at {options.Value.At}", $"pas encore de sauvegarde : la première est prise à {options.Value.At}", data)
            : HealthText.Healthy($"last snapshot at {kept[0].TakenAt:u}, {kept.Count} kept", $"dernière sauvegarde le {kept[0].TakenAt:u}, {kept.Count} conservées", data));
    }
}
