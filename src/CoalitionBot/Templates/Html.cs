using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CoalitionBot.Templates;

/// A piece of HTML that may be written as is. Templates make it with <see cref="Of"/>: every hole
/// of the interpolated string is HTML-encoded unless it is itself an <see cref="Html"/>, so text
/// (Discord content, names, settings) cannot become markup by mistake. The only way to let
/// unencoded markup through is <see cref="Raw"/>, for markup this program wrote.
internal readonly struct Html
{
    /// Encodes &lt; &gt; &amp; quotes and the like but leaves accented letters readable.
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly string? value;

    private Html(string value) => this.value = value;

    public static Html Empty => default;

    /// A template: <c>Html.Of($"&lt;p&gt;{text}&lt;/p&gt;")</c> encodes <c>text</c>.
    public static Html Of(ref HtmlTemplate template) => new(template.ToStringAndClear());

    /// The template when the condition holds, else nothing (the holes are then not evaluated).
    public static Html If(bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref HtmlTemplate template)
    {
        var html = template.ToStringAndClear();
        return condition ? new(html) : Empty;
    }

    /// Markup this program wrote (a constant, or the markup converter's output). Never text from outside.
    public static Html Raw(string trusted) => new(trusted);

    public static string Encode(string text) => Encoder.Encode(text);

    /// The pieces one after the other.
    public static Html Concat(IEnumerable<Html> parts) => new(string.Concat(parts.Select(p => p.value)));

    /// The pieces with an (encoded) separator between them.
    public static Html Join(string separator, IEnumerable<Html> parts) => new(string.Join(Encode(separator), parts.Select(p => p.value)));

    public override string ToString() => value ?? "";
}

/// The interpolated-string handler behind <see cref="Html.Of"/>: literal parts are copied, holes are encoded.
[InterpolatedStringHandler]
internal ref struct HtmlTemplate
{
    private DefaultInterpolatedStringHandler inner;

    public HtmlTemplate(int literalLength, int formattedCount) =>
        inner = new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture);

    public HtmlTemplate(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
    {
        shouldAppend = condition;
        inner = new DefaultInterpolatedStringHandler(condition ? literalLength : 0, condition ? formattedCount : 0, CultureInfo.InvariantCulture);
    }

    public void AppendLiteral(string literal) => inner.AppendLiteral(literal);

    public void AppendFormatted(Html html) => inner.AppendLiteral(html.ToString());

    public void AppendFormatted(string? text) => inner.AppendLiteral(Html.Encode(text ?? ""));

    /// Numbers and other values, formatted without culture (a template formats by culture itself) and encoded.
    public void AppendFormatted<T>(T value, string? format = null) =>
        AppendFormatted(value is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : value?.ToString());

    public string ToStringAndClear() => inner.ToStringAndClear();
}
