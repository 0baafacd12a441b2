namespace CoalitionBot.Digest.Rendering;

internal static class DigestRenderer
{
    public static RenderedDigest Render(DailyDigest digest, DigestRenderContext context) =>
        new(context.Subject(digest), DigestHtmlRenderer.Render(digest, context), DigestTextRenderer.Render(digest, context));
}
