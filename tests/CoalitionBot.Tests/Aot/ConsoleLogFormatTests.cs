using System.Text.Json;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Aot;

/// Logging__Console__FormatterName chooses the console format of the shipped (native AOT) build:
/// json gives one JSON object per line, a log collector's input; an unknown name stops the start
/// with one line naming the key.
[Collection(NativeBinaryGroup.Name)]
[Trait("Category", "Process")]
public sealed class ConsoleLogFormatTests(NativeBinary binary)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Json_logs_are_one_parseable_object_per_line_with_level_category_and_fields()
    {
        using var folder = new TempDirectory("coalitionbot-json-logs-");
        var (exitCode, output) = await NativeBot.RunAsync(
            binary.Path, folder.Path, new Dictionary<string, string?> { ["Logging:Console:FormatterName"] = "json" }, ["no-such-command"], Token);

        Assert.NotEqual(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        var entries = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var unknown = Assert.Single(entries, e => e.GetProperty("Category").GetString() == "CoalitionBot" && e.GetProperty("LogLevel").GetString() == "Critical");
        Assert.Contains("Unknown command", unknown.GetProperty("Message").GetString(), StringComparison.Ordinal);
        Assert.Equal("no-such-command", unknown.GetProperty("State").GetProperty("Verb").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", unknown.GetProperty("Timestamp").GetString());
    }

    [Fact]
    public async Task An_unknown_format_stops_the_start_with_one_line_naming_the_key()
    {
        using var folder = new TempDirectory("coalitionbot-xml-logs-");
        var (exitCode, output) = await NativeBot.RunAsync(
            binary.Path, folder.Path, new Dictionary<string, string?> { ["Logging:Console:FormatterName"] = "xml" }, [], Token);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Logging:Console:FormatterName is \"xml\": it must be simple, json or systemd.", line, StringComparison.Ordinal);
    }
}
