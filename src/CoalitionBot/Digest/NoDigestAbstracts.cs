namespace CoalitionBot.Digest;

/// The default without the summarization feature: no abstract.
internal sealed class NoDigestAbstracts : IDigestAbstracts
{
    public Task<AbstractResult> WriteAsync(DailyDigest digest, Rendering.DigestRenderContext context, AbstractUse use, CancellationToken cancellationToken) =>
        Task.FromResult(AbstractResult.None("no summarization"));
}
