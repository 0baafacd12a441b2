namespace CoalitionBot.Digest;

/// A few sentences about the day, written by a language model the association runs, with each
/// citation already mapped to the jump link of the message it names. The text parts are plain
/// text (renderers escape them); links come only from <see cref="AbstractPart.Link"/>, which our
/// code sets from the digest's own messages, never from the model's words.
internal sealed record DigestAbstract(string Model, IReadOnlyList<AbstractPart> Parts)
{
    /// The citations in order of first appearance, each once: the text part lists them as links.
    public IReadOnlyList<AbstractPart> Citations =>
        Parts.Where(p => p.Citation is not null).DistinctBy(p => p.Citation).OrderBy(p => p.Citation).ToList();
}

/// Either text, or a citation [n] of the digest's n-th message, with its jump link.
internal sealed record AbstractPart(string Text, int? Citation = null, string? Link = null)
{
    public static AbstractPart Cite(int number, string link) => new($"[{number}]", number, link);
}
