using System.Text.Json;

namespace CoalitionBot.Benchmarks.Tools;

/// One row of BenchmarkDotNet's JSON export (the "full-compressed" report).
internal sealed record MicroResult(string Type, string Method, string Title, double MeanNs, double ErrorNs, double? AllocatedBytes, long OperationsPerInvoke)
{
    public static IReadOnlyList<MicroResult> ReadAll(string directory)
    {
        List<MicroResult> results = [];
        if (!Directory.Exists(directory))
        {
            return results;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*-report-full-compressed.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var benchmark in document.RootElement.GetProperty("Benchmarks").EnumerateArray())
            {
                if (!benchmark.TryGetProperty("Statistics", out var statistics) || statistics.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var memory = benchmark.TryGetProperty("Memory", out var m) && m.ValueKind == JsonValueKind.Object ? m : (JsonElement?)null;
                results.Add(new MicroResult(
                    benchmark.GetProperty(nameof(Type)).GetString() ?? "",
                    benchmark.GetProperty(nameof(Method)).GetString() ?? "",
                    (benchmark.GetProperty("MethodTitle").GetString() ?? "").Trim('\''),
                    statistics.GetProperty("Mean").GetDouble(),
                    statistics.TryGetProperty("StandardError", out var error) ? error.GetDouble() * 2.0 : 0,
                    memory?.GetProperty("BytesAllocatedPerOperation").GetDouble(),
                    memory?.GetProperty("TotalOperations").GetInt64() ?? 1));
            }
        }

        return results;
    }
}
