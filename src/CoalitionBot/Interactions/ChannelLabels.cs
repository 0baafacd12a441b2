namespace CoalitionBot.Interactions;

/// Lists of channel names that fit in one Discord message.
internal static class ChannelLabels
{
    public static string Join(IReadOnlyList<string> labels, InteractionTexts texts, int budget)
    {
        if (labels.Count == 0)
        {
            return texts.NoneItem;
        }

        var shown = new List<string>();
        var length = 0;
        foreach (var label in labels)
        {
            if (length + label.Length + 2 > budget)
            {
                return string.Join(", ", shown) + " " + texts.Format(texts.AndMoreFormat, labels.Count - shown.Count);
            }

            shown.Add(label);
            length += label.Length + 2;
        }

        return string.Join(", ", shown);
    }

    /// Names from Discord go into a message: keep them from forming markup or mentions.
    public static string Escape(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is '*' or '_' or '~' or '`' or '|' or '>' or '<' or '@' or '[' or ']' or '\\' or '#' or ':')
            {
                builder.Append('\\');
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }
}
