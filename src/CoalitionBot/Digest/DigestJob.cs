using CoalitionBot.Scheduling;
using Quartz;

namespace CoalitionBot.Digest;

/// Mails whatever digest is due: fired at Digest:SendAt in the digest's zone, and every few
/// minutes to retry failed sends and catch up days missed while the bot was down.
[DisallowConcurrentExecution]
internal sealed class DigestJob(DigestService service, IdleMemoryRelease memory, ILogger<DigestJob> logger) : IJob
{
    public static readonly JobKey Key = new("digest", "digest");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await service.RunDueAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or LiteDB.LiteException or InvalidOperationException)
        {
            Log.RunFailed(logger, exception.Message);
        }
        finally
        {
            memory.ReleaseAfter(Key.Name);
        }
    }
}
