namespace CoalitionBot.Digest;

/// What the digest asks of the optional abstract, which plugs in here (Summarization): a few
/// sentences about what the digest shows. Never throws and never waits past its own timeout: the
/// digest goes out without an abstract rather than late.
internal interface IDigestAbstracts
{
    Task<AbstractResult> WriteAsync(DailyDigest digest, Rendering.DigestRenderContext context, AbstractUse use, CancellationToken cancellationToken);
}

/// Who asks: the mail and /resume only when moderators have the abstract on; the preview whenever
/// an endpoint is set, so an operator can try a model before it is switched on.
internal enum AbstractUse
{
    Mail,
    Resume,
    Preview,
}

/// The abstract, or why there is none (off, switched off, timed out…), in English for the operator.
internal sealed record AbstractResult(DigestAbstract? Abstract, string? Skipped)
{
    public static AbstractResult Written(DigestAbstract written) => new(written, null);

    public static AbstractResult None(string reason) => new(null, reason);
}
