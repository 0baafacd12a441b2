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
            return Task.FromResult(HealthText.Degraded(t => HealthTexts.Format(t.BackupUnreadableFormat, exception.Message)));
        }

        var data = new Dictionary<string, object> { ["kept"] = kept.Count };
        if (kept.Count > 0)
        {
            data["lastSnapshot"] = kept[0].TakenAt;
        }

        if (writer.LastFailure is { } failure)
        {
            data["lastFailureAt"] = failure.At;
            return Task.FromResult(HealthText.Degraded(t => HealthTexts.Format(t.BackupFailedFormat, failure.At, failure.Reason), data));
        }

        return Task.FromResult(kept.Count == 0
            ? HealthText.Healthy(t => HealthTexts.Format(t.BackupNoneYetFormat, options.Value.At), data)
            : HealthText.Healthy(t => HealthTexts.Format(t.BackupLastFormat, kept[0].TakenAt, kept.Count), data));
    }
}
