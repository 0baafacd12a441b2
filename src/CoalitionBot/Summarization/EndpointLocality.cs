using System.Net;
using System.Net.Sockets;

namespace CoalitionBot.Summarization;

/// Whether an endpoint is on this machine or the association's network. Decided from the URL alone
/// (no DNS look-up at start): an IP address by its range, a name by its form. A single-label name
/// (a Compose service, "ollama") or a local suffix counts as local; any other name does not.
internal static class EndpointLocality
{
    private static readonly string[] LocalSuffixes = [".local", ".lan", ".home.arpa", ".internal", ".localhost"];

    public static bool IsLocal(Uri uri)
    {
        if (uri.IsLoopback)
        {
            return true;
        }

        var host = uri.IdnHost.TrimEnd('.');
        if (IPAddress.TryParse(host, out var address))
        {
            return IsPrivate(address);
        }

        return !host.Contains('.', StringComparison.Ordinal) || LocalSuffixes.Any(s => host.EndsWith(s, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6UniqueLocal || address.IsIPv6SiteLocal;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254);
    }
}
