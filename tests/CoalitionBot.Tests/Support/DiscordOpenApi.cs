using System.Text.Json.Nodes;
using Json.Schema;

namespace CoalitionBot.Tests.Support;

/// Validates the fixtures we serve as Discord against Discord's own OpenAPI description
/// (schemas/discord-openapi.json), so WireMock cannot drift from what Discord sends.
internal static class DiscordOpenApi
{
    private static readonly Lazy<string> Definitions = new(LoadDefinitions);
    private static readonly Dictionary<string, JsonSchema> Schemas = [];

    /// The errors of <paramref name="instance"/> against the named component schema (or an array of it); empty when valid.
    public static IReadOnlyList<string> Validate(JsonNode instance, string schemaName, bool arrayOf = false)
    {
        JsonSchema schema;
        lock (Schemas)
        {
            var key = schemaName + (arrayOf ? "[]" : "");
            if (!Schemas.TryGetValue(key, out schema!))
            {
                var reference = "{\"$ref\":\"#/$defs/" + schemaName + "\"}";
                var root = arrayOf ? "\"type\":\"array\",\"items\":" + reference : reference[1..^1];
                var text = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$defs\":" + Definitions.Value + "," + root + "}";
                schema = JsonSchema.FromText(text);
                Schemas[key] = schema;
            }
        }

        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(20)];
    }

    private static string LoadDefinitions()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "schemas", "discord-openapi.json")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? throw new FileNotFoundException("schemas/discord-openapi.json not found above the test binaries"), "schemas", "discord-openapi.json");
        var document = JsonNode.Parse(File.ReadAllText(path))!;
        return document["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
    }
}
