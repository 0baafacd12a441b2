using System.Globalization;
using System.Text;

namespace CoalitionBot.Markup;

/// Where a link really goes, for the reader to see beside its label, as Discord warns before it
/// opens a masked link: a label can say anything, and a look-alike letter can pass for another.
internal static class LinkTarget
{
    /// The host as DNS sees it: punycode for an internationalised name, brackets around IPv6.
    public static string Host(Uri url) => url.HostNameType == UriHostNameType.IPv6 ? "[" + url.IdnHost + "]" : url.IdnHost;

    /// The URL written with that host, so a plain-text reader sees the same name.
    public static string Ascii(Uri url) =>
        string.Create(CultureInfo.InvariantCulture, $"{url.Scheme}://{(url.UserInfo.Length > 0 ? url.UserInfo + "@" : "")}{Host(url)}{(url.IsDefaultPort ? "" : ":" + url.Port)}{url.PathAndQuery}{url.Fragment}");

    /// False only when the label already shows the real destination: the URL itself with a plain
    /// ASCII host (a bare or angle-bracketed link), or exactly the host.
    public static bool NeedsHost(MarkupLink link, MarkupContext context)
    {
        var label = new StringBuilder();
        MarkupPlainText.Append(label, link.Label, context, marks: false);
        var shown = label.ToString();
        var host = Host(link.Url);
        var plainHost = string.Equals(link.Url.Host, host, StringComparison.OrdinalIgnoreCase);
        return !(plainHost && (shown == link.Url.OriginalString || shown == link.Url.AbsoluteUri || shown.Equals(host, StringComparison.OrdinalIgnoreCase)));
    }
}
