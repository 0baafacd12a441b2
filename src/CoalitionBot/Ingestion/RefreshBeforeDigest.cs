using CoalitionBot.Digest;
using CoalitionBot.Storage;

namespace CoalitionBot.Ingestion;

/// Plugs ingestion into the digest: a day is built only once a poll that began after it ended has
/// read every channel, and its messages are re-read just before (edits, reactions, deletions).
/// Without a bot token nothing is waited for: the stored messages are used as they are.
internal sealed class RefreshBeforeDigest(Poller poller, PeriodRefresh refresh, CursorStore cursors) : IDigestPreparation
{
    public DateTimeOffset? CoveredSince => poller.IsConfigured ? cursors.CoveredSince : null;

    public async Task<DigestReadiness> PrepareAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (!poller.IsConfigured)
        {
            return DigestReadiness.Ready;
        }

        // With a long Ingestion:PollInterval no poll may have begun since the day ended: one now. While
        // Discord is down the job's own attempts count, so this adds no requests to an outage.
        await poller.PollUnlessAskedSinceAsync(to, cancellationToken);
        return await refresh.PrepareDigestAsync(from, to, cancellationToken);
    }

    public Task RefreshRecentAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        refresh.RefreshRecentAsync(from, to, cancellationToken);
}
