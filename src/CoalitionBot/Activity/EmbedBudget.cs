using System.Text;
using CoalitionBot.Discord.Models;

using CoalitionBot.Markup;

namespace CoalitionBot.Activity;

/// Discord's embed limits, and a builder that never breaks them: at most 10 embeds, 25 fields
/// each, 6,000 characters in all, 4,096 per description, 1,024 per field value, 256 per name.
/// What does not fit one message goes on to the next, up to <c>maxMessages</c> messages (sent
/// as follow-ups); past that it is counted as skipped.
internal sealed class EmbedBudget(int maxMessages = 1)
{
    /// Follow-ups are a courtesy, not a flood: one answer is at most this many messages.
    public const int MaxMessages = 5;

    public const int MaxEmbeds = 10;
    public const int MaxFields = 25;
    public const int MaxTotal = 6_000;
    public const int MaxDescription = 4_096;
    public const int MaxFieldValue = 1_024;
    public const int MaxName = 256;
    public const int MaxFooter = 2_048;

    /// Room kept for the closing footer that says what did not fit.
    private const int FooterReserve = 120;
    private const int Colour = 0x3C45A5;

    private readonly List<IReadOnlyList<Embed>> pages = [];
    private readonly List<Embed> embeds = [];
    private readonly List<EmbedField> fields = [];
    private string? title;
    private string? description;
    private int total;

    public int Skipped { get; private set; }

    public void Start(string heading, string text)
    {
        title = Fit(heading, MaxName);
        description = Fit(text, MaxDescription);
        total += title.Length + description.Length;
    }

    /// Adds a field if it fits in what is left; otherwise counts it as skipped.
    public bool TryAdd(string name, string value)
    {
        name = Fit(name, MaxName);
        value = Fit(value, MaxFieldValue);
        if (string.IsNullOrWhiteSpace(value))
        {
            Skipped++;
            return false;
        }

        if (total + name.Length + value.Length > MaxTotal - FooterReserve || (fields.Count == MaxFields && embeds.Count == MaxEmbeds - 1))
        {
            if (pages.Count + 1 >= Math.Clamp(maxMessages, 1, MaxMessages))
            {
                Skipped++;
                return false;
            }

            NextMessage();
        }

        if (fields.Count == MaxFields)
        {
            Flush();
        }

        fields.Add(new EmbedField(name, value));
        total += name.Length + value.Length;
        return true;
    }

    /// The one message's embeds (what did not fit is counted in <see cref="Skipped"/>).
    public IReadOnlyList<Embed> Build(string? footer) => BuildMessages(footer) is [var first, ..] ? first : [];

    /// Each message's embeds, in order; the footer goes on the last one.
    public IReadOnlyList<IReadOnlyList<Embed>> BuildMessages(string? footer)
    {
        Flush();
        if (footer is not null && embeds.Count > 0)
        {
            embeds[^1] = embeds[^1] with { Footer = new EmbedFooter(Fit(footer, Math.Min(MaxFooter, FooterReserve))) };
        }

        if (embeds.Count > 0)
        {
            pages.Add([.. embeds]);
            embeds.Clear();
        }

        return pages;
    }

    private void NextMessage()
    {
        Flush();
        pages.Add([.. embeds]);
        embeds.Clear();
        total = 0;
    }

    /// Joins lines up to a limit, keeping whole lines.
    public static string Lines(IEnumerable<string> lines, int limit, out int left)
    {
        var text = new StringBuilder();
        var all = lines.ToList();
        left = all.Count;
        foreach (var line in all)
        {
            if (text.Length + line.Length + 1 > limit)
            {
                break;
            }

            text.Append(line).Append('\n');
            left--;
        }

        return text.ToString().TrimEnd();
    }

    /// Keeps member text from forming markdown, links or mentions in Discord.
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '*' or '_' or '~' or '`' or '|' or '>' or '<' or '[' or ']' or '\\' or '#' or '@')
            {
                escaped.Append('\\');
            }

            escaped.Append(char.IsControl(c) ? ' ' : c);
        }

        return escaped.ToString();
    }

    public static string Fit(string text, int limit)
    {
        text = text.Trim();
        return text.Length <= limit ? text : MarkupPlainText.Shorten(text, limit);
    }

    private void Flush()
    {
        if (title is null && description is null && fields.Count == 0)
        {
            return;
        }

        embeds.Add(new Embed(Title: title, Description: string.IsNullOrEmpty(description) ? null : description, Color: Colour, Fields: fields.Count > 0 ? [.. fields] : null));
        fields.Clear();
        title = null;
        description = null;
    }
}
