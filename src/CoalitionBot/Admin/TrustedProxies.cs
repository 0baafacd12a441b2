using System.Net;
using System.Net.Sockets;

namespace CoalitionBot.Admin;

/// Admin:TrustedProxies: a comma-separated list of IP addresses and CIDR ranges (IPv4 and IPv6)
/// whose X-Forwarded-For and X-Forwarded-Proto are believed.
internal sealed record TrustedProxies(IReadOnlyList<IPAddress> Addresses, IReadOnlyList<IPNetwork> Networks)
{
    public static TrustedProxies None { get; } = new([], []);

    public bool IsEmpty => Addresses.Count == 0 && Networks.Count == 0;

    /// Parses the list; on the first entry that is neither an address nor a range, returns false and
    /// names it. A range written from a host address (10.0.0.1/8) is refused: which was meant is unclear.
    public static bool TryParse(string? value, out TrustedProxies proxies, out string? invalid)
    {
        List<IPAddress> addresses = [];
        List<IPNetwork> networks = [];
        proxies = new TrustedProxies(addresses, networks);
        invalid = null;
        foreach (var entry in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var slash = entry.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0 && IsAddress(entry, out var address))
            {
                addresses.Add(address);
            }
            else if (slash > 0 && IsAddress(entry[..slash], out var baseAddress) && IPNetwork.TryParse(entry, out var network) && network.BaseAddress.Equals(baseAddress))
            {
                networks.Add(network);
            }
            else
            {
                invalid = entry;
                return false;
            }
        }

        return true;
    }

    /// IPAddress.TryParse also reads "10.1" or "167772161" as IPv4 addresses; written in a setting
    /// they are most likely typos, so an IPv4 address must be four dotted numbers.
    private static bool IsAddress(string text, out IPAddress address)
    {
        if (!IPAddress.TryParse(text, out address!))
        {
            return false;
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? text.Contains(':', StringComparison.Ordinal)
            : text.Count(c => c == '.') == 3 && text.All(c => char.IsAsciiDigit(c) || c == '.');
    }
}
