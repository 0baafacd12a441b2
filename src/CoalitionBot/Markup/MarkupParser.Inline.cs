using System.Globalization;
using System.Text.RegularExpressions;

namespace CoalitionBot.Markup;

/// The inline tokens: code, mentions, emoji, timestamps, links and emphasis.
internal static partial class MarkupParser
{
    private static (MarkupNode?, int) InlineCode(string text, int start)
    {
        var ticks = text[start..].StartsWith("``", StringComparison.Ordinal) ? "``" : "`";
        var close = text.IndexOf(ticks, start + ticks.Length, StringComparison.Ordinal);
        if (close <= start + ticks.Length)
        {
            return (null, 0);
        }

        return (new MarkupInlineCode(text[(start + ticks.Length)..close]), close + ticks.Length - start);
    }

    private static (MarkupNode?, int) Angle(string text, int start, MarkupNames names, bool allowLinks)
    {
        var close = text.IndexOf('>', start + 1);
        if (close < 0 || close - start > 2100)
        {
            return (null, 0);
        }

        var inner = text[(start + 1)..close];
        var length = close - start + 1;
        var token = Token().Match(inner);
        if (!token.Success)
        {
            return allowLinks && HttpUrl(inner) is { } url ? (new MarkupLink(url, [new MarkupText(inner)]), length) : (null, 0);
        }

        if (token.Groups["user"].Success && ulong.TryParse(token.Groups["user"].Value, CultureInfo.InvariantCulture, out var user))
        {
            return (new MarkupMention(MentionKind.User, user, names.Users.GetValueOrDefault(user)), length);
        }

        if (token.Groups["role"].Success && ulong.TryParse(token.Groups["role"].Value, CultureInfo.InvariantCulture, out var role))
        {
            return (new MarkupMention(MentionKind.Role, role, names.Roles.GetValueOrDefault(role)), length);
        }

        if (token.Groups["channel"].Success && ulong.TryParse(token.Groups["channel"].Value, CultureInfo.InvariantCulture, out var channel))
        {
            return (new MarkupMention(MentionKind.Channel, channel, names.Channels.GetValueOrDefault(channel)), length);
        }

        if (token.Groups["emoji"].Success)
        {
            return (new MarkupEmoji(token.Groups["emoji"].Value), length);
        }

        if (token.Groups["unix"].Success
            && long.TryParse(token.Groups["unix"].Value, CultureInfo.InvariantCulture, out var unix)
            && unix is >= -62_135_596_800 and <= 253_402_300_799)
        {
            var style = token.Groups["style"].Success ? token.Groups["style"].Value[0] : 'f';
            return (new MarkupTimestamp(DateTimeOffset.FromUnixTimeSeconds(unix), style), length);
        }

        return (null, 0);
    }

    private static (MarkupNode?, int) MaskedLink(string text, int start, MarkupNames names, int depth)
    {
        var middle = text.IndexOf("](", start + 1, StringComparison.Ordinal);
        if (middle < 0 || text.IndexOf('\n', start, middle - start) >= 0)
        {
            return (null, 0);
        }

        var close = text.IndexOf(')', middle + 2);
        if (close < 0)
        {
            return (null, 0);
        }

        var target = text[(middle + 2)..close].Trim().Trim('<', '>');
        if (HttpUrl(target) is not { } url)
        {
            return (null, 0);
        }

        var label = ParseInline(text[(start + 1)..middle], names, depth + 1, allowLinks: false);
        return (new MarkupLink(url, label.Count > 0 ? label : [new MarkupText(target)]), close + 1 - start);
    }

    private static (MarkupNode?, int) BareLink(string text, int start)
    {
        if (start > 0 && char.IsLetterOrDigit(text[start - 1]))
        {
            return (null, 0);
        }

        var rest = text.AsSpan(start);
        if (!rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return (null, 0);
        }

        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('<' or '>' or '"'))
        {
            end++;
        }

        var candidate = text[start..end].TrimEnd('.', ',', ';', ':', '!', '?', '\'', '*', '_', '~', '|');
        if (candidate.EndsWith(')') && candidate.Count(ch => ch == ')') > candidate.Count(ch => ch == '('))
        {
            candidate = candidate[..^1];
        }

        return HttpUrl(candidate) is { } url ? (new MarkupLink(url, [new MarkupText(candidate)]), candidate.Length) : (null, 0);
    }

    private static (MarkupNode?, int) Styled(string text, int start, MarkupNames names, int depth, bool allowLinks)
    {
        foreach (var (delimiter, style) in Delimiters)
        {
            if (string.CompareOrdinal(text, start, delimiter, 0, delimiter.Length) != 0)
            {
                continue;
            }

            var close = FindClose(text, start, delimiter);
            if (close < 0)
            {
                continue;
            }

            var inner = text[(start + delimiter.Length)..close];
            var children = ParseInline(inner, names, depth + 1, allowLinks);
            return (new MarkupStyled(style, children), close + delimiter.Length - start);
        }

        return (null, 0);
    }

    private static int FindClose(string text, int start, string delimiter)
    {
        var from = start + delimiter.Length;
        if (from >= text.Length || char.IsWhiteSpace(text[from]))
        {
            return -1;
        }

        if (delimiter.Length == 2)
        {
            var close = text.IndexOf(delimiter, from + 1, StringComparison.Ordinal);
            if (close < 0)
            {
                return -1;
            }

            // "***both***": the closing pair is the last two of the run, so the inner keeps its single star.
            while (close + 2 < text.Length && text[close + 2] == delimiter[0])
            {
                close++;
            }

            return close;
        }

        var mark = delimiter[0];
        for (var j = from + 1; j < text.Length; j++)
        {
            if (text[j] == '\\')
            {
                j++;
                continue;
            }

            if (text[j] != mark)
            {
                continue;
            }

            if (j + 1 < text.Length && text[j + 1] == mark)
            {
                j++;
                continue;
            }

            if (char.IsWhiteSpace(text[j - 1]))
            {
                continue;
            }

            if (mark == '_' && j + 1 < text.Length && char.IsLetterOrDigit(text[j + 1]))
            {
                continue;
            }

            return j;
        }

        return -1;
    }

    private static readonly (string Delimiter, MarkupStyle Style)[] Delimiters =
    [
        ("**", MarkupStyle.Bold),
        ("__", MarkupStyle.Underline),
        ("~~", MarkupStyle.Strike),
        ("||", MarkupStyle.Spoiler),
        ("*", MarkupStyle.Italic),
        ("_", MarkupStyle.Italic),
    ];

    /// Only absolute http and https URLs become links: javascript:, data: and the rest stay text.
    public static Uri? HttpUrl(string candidate) =>
        candidate.Length <= 2048
        && !candidate.Any(char.IsWhiteSpace)
        && Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host)
            ? uri
            : null;

    [GeneratedRegex(@"^(?:@!?(?<user>\d{1,20})|@&(?<role>\d{1,20})|#(?<channel>\d{1,20})|a?:(?<emoji>\w{1,32}):\d{1,20}|t:(?<unix>-?\d{1,12})(?::(?<style>[tTdDfFRsS]))?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
