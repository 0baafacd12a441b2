namespace CoalitionBot.Digest.Rendering;

/// A digest ready to mail: subject and both parts.
internal sealed record RenderedDigest(string Subject, string Html, string Text);
