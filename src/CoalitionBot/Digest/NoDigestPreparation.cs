namespace CoalitionBot.Digest;

/// The default preparation: nothing to refresh, the stored messages are used as they are.
internal sealed class NoDigestPreparation : IDigestPreparation
{
    public Task PrepareAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) => Task.CompletedTask;
}
