using System.Globalization;
using System.Text;
using CoalitionBot.Digest;
using CoalitionBot.Digest.Rendering;
using CoalitionBot.Markup;

namespace CoalitionBot.Summarization;

/// What the model is shown: the digest's own messages (so the same exclusions, audience, deletions
/// and edits as the mail), as numbered lines "[n] author, #channel, text". The highlights come
/// first, then the sections in mail order, until the token budget is spent. <see cref="Links"/>[n-1]
/// is the n-th line's jump link: the only links an abstract can carry.
internal sealed record AbstractPrompt(string Instructions, string Messages, IReadOnlyList<string> Links)
{
    /// One message's text at most, in characters: the mail itself shortens long messages.
    public const int MaxLineText = 600;

    /// An estimate of the characters per token of the small models' tokenizers on French and
    /// English chat (3 to 4; the lower figure keeps the budget on the safe side).
    public const int CharactersPerToken = 3;

    public static AbstractPrompt Build(DailyDigest digest, DigestRenderContext context, int maxInputTokens)
    {
        var texts = SummarizationTexts.For(context.Texts.Language);
        var instructions = texts.InstructionsFormat.Replace("{0}", context.ServerName, StringComparison.Ordinal);
        var heading = texts.MessagesFormat.Replace("{0}", context.Title(digest), StringComparison.Ordinal);
        var budget = (maxInputTokens * CharactersPerToken) - instructions.Length - heading.Length;
        var lines = new StringBuilder(heading).Append('\n');
        List<string> links = [];
        foreach (var (entry, place) in Entries(digest, texts))
        {
            var text = MarkupPlainText.Excerpt(entry.Content, context.Markup, MaxLineText);
            if (text.Length == 0)
            {
                continue;
            }

            var line = string.Create(CultureInfo.InvariantCulture, $"[{links.Count + 1}] {OneLine(entry.Author)}, {OneLine(place)}, {text}");
            if (line.Length + 1 > budget)
            {
                break;
            }

            budget -= line.Length + 1;
            lines.Append(line).Append('\n');
            links.Add(entry.JumpLink);
        }

        return new AbstractPrompt(instructions, lines.ToString(), links);
    }

    private static IEnumerable<(DigestEntry Entry, string Place)> Entries(DailyDigest digest, SummarizationTexts texts)
    {
        HashSet<ulong> seen = [];
        foreach (var highlight in digest.Highlights)
        {
            if (highlight.Entry.Kind == DigestEntryKind.Message && seen.Add(highlight.Entry.Id))
            {
                yield return (highlight.Entry, Place(highlight.ChannelName, highlight.ThreadName, texts));
            }
        }

        foreach (var section in digest.Sections)
        {
            foreach (var entry in section.Entries.Where(e => e.Kind == DigestEntryKind.Message && seen.Add(e.Id)))
            {
                yield return (entry, Place(section.Name, null, texts));
            }

            foreach (var thread in section.Threads)
            {
                foreach (var entry in thread.Entries.Where(e => e.Kind == DigestEntryKind.Message && seen.Add(e.Id)))
                {
                    yield return (entry, Place(section.Name, thread.Name, texts));
                }
            }
        }
    }

    private static string Place(string channel, string? thread, SummarizationTexts texts) =>
        "#" + channel + (thread is null ? "" : $" ({texts.InThread} {thread})");

    private static string OneLine(string text) => string.Join(' ', text.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
