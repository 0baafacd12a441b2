using CoalitionBot.Digest;

namespace CoalitionBot.Ingestion;

/// Plugs the poller's refresh into the digest: just before a day is built, its messages are
/// re-read from Discord, so edits and reactions are current and deleted messages are gone.
/// The poller logs what it did; without a bot token it does nothing.
internal sealed class RefreshBeforeDigest(Poller poller) : IDigestPreparation
{
    public Task PrepareAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        poller.RefreshAsync(from, to, cancellationToken);
}
