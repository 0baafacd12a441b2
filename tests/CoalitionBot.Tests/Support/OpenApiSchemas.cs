using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace CoalitionBot.Tests.Support;

/// Validates JSON against Discord's published OpenAPI description (schemas/discord-openapi.json):
/// the fixtures we serve as Discord, and every body we send or answer to Discord.
public static class OpenApiSchemas
{
    private static readonly Lazy<(JsonObject Defs, JsonObject Paths)> Document = new(Load);
    private static readonly ConcurrentDictionary<string, JsonSchema> Cache = new();

    /// Bodies already found valid, by schema: the same payloads come back in many tests, and an
    /// evaluation against Discord's large schema costs far more than a lookup.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonSchema, ConcurrentDictionary<string, bool>> Validated = [];

    /// The body Discord accepts for the interaction callback (what POST /interactions answers).
    public static void AssertInteractionResponse(string json) =>
        AssertValid(RequestBody("/interactions/{interaction_id}/{interaction_token}/callback", "post"), json, "interaction response");

    public static void AssertValid(string schemaName, string json) => AssertValid(Named(schemaName), json, schemaName);

    public static JsonSchema Named(string schemaName) => Build("#" + schemaName, () => new JsonObject { ["$ref"] = "#/$defs/" + schemaName });

    public static JsonSchema RequestBody(string path, string method) =>
        Build($"req {method} {path}", () => Document.Value.Paths[path]![method]!["requestBody"]!["content"]!["application/json"]!["schema"]!.DeepClone());

    /// The part names a multipart/form-data body may carry beside payload_json (files[0], files[1], ...).
    public static IReadOnlySet<string> MultipartFileParts(string path, string method) =>
        Document.Value.Paths[path]![method]!["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!["allOf"]!.AsArray()
            .Select(part => part!["properties"])
            .OfType<JsonObject>()
            .SelectMany(properties => properties.Select(p => p.Key))
            .ToHashSet();

    public static JsonSchema ResponseBody(string path, string method, string status = "200") =>
        Build($"res {method} {path} {status}", () => Document.Value.Paths[path]![method]!["responses"]![status]!["content"]!["application/json"]!["schema"]!.DeepClone());

    public static void AssertValid(JsonSchema schema, string json, string what)
    {
        var validated = Validated.GetOrCreateValue(schema);
        if (validated.ContainsKey(json))
        {
            return;
        }

        var results = schema.Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!results.IsValid)
        {
            var errors = results.Details
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
                .Where(e => !e.Contains("Expected \"", StringComparison.Ordinal))
                .Take(20);
            Assert.Fail($"{what} does not match Discord's OpenAPI schema:\n{string.Join('\n', errors)}\n{json}");
        }

        validated.TryAdd(json, true);
    }

    private static JsonSchema Build(string key, Func<JsonNode> root) =>
        Cache.GetOrAdd(key, _ =>
        {
            var schema = new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["$id"] = $"https://schemas.test/discord/{Guid.NewGuid():N}",
                ["$defs"] = Document.Value.Defs.DeepClone(),
            };
            foreach (var (name, value) in root().AsObject())
            {
                schema[name] = value?.DeepClone();
            }

            return JsonSchema.FromText(schema.ToJsonString());
        });

    private static (JsonObject, JsonObject) Load()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schemas", "discord-openapi.json"))
            .Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var document = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 256 })!.AsObject();
        return (document["components"]!["schemas"]!.AsObject(), document["paths"]!.AsObject());
    }
}
