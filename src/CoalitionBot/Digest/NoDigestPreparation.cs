namespace CoalitionBot.Digest;

/// The default preparation: nothing to wait for or refresh, the stored messages are used as they are.
internal sealed class NoDigestPreparation : IDigestPreparation
{
    public DateTimeOffset? CoveredSince => null;

    public Task<DigestReadiness> PrepareAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) => Task.FromResult(DigestReadiness.Ready);

    public Task RefreshRecentAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) => Task.CompletedTask;
}
