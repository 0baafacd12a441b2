using System.Globalization;

namespace CoalitionBot.Benchmarks.Tools;

/// The key=value files the load scripts write.
internal sealed class KeyValues
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public KeyValues(params string[] paths)
    {
        foreach (var path in paths.Where(File.Exists))
        {
            foreach (var line in File.ReadLines(path))
            {
                var equals = line.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    values[line[..equals].Trim()] = line[(equals + 1)..].Trim();
                }
            }
        }
    }

    public bool Has(string key) => values.ContainsKey(key);

    public string Text(string key) => values.GetValueOrDefault(key, "n/a");

    public double? Number(string key) =>
        values.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
}
