using System.Globalization;

namespace CoalitionBot.Benchmarks.Tools;

/// "--name value" pairs, all required unless a default is given.
internal sealed class Arguments(string[] args)
{
    public string Get(string name, string? fallback = null)
    {
        var index = Array.IndexOf(args, "--" + name);
        if (index >= 0 && index + 1 < args.Length)
        {
            return args[index + 1];
        }

        return fallback ?? throw new ArgumentException($"--{name} is required.");
    }

    public int GetInt(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public double GetDouble(string name, double fallback) => double.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
}
