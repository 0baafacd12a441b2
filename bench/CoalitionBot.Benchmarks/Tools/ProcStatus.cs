using System.Globalization;

namespace CoalitionBot.Benchmarks.Tools;

/// Memory figures of a process from /proc/PID/status, in KiB.
internal static class ProcStatus
{
    public static IReadOnlyDictionary<string, long> Read(int pid)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var rest = line[(colon + 1)..].Trim();
            if (colon > 0 && rest.EndsWith(" kB", StringComparison.Ordinal)
                && long.TryParse(rest[..^3], NumberStyles.None, CultureInfo.InvariantCulture, out var kib))
            {
                values[line[..colon]] = kib;
            }
        }

        return values;
    }
}
