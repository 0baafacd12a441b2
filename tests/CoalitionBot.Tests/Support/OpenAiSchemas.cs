using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace CoalitionBot.Tests.Support;

/// Validates JSON against OpenAI's published OpenAPI description (schemas/openai-openapi.json),
/// the chat-completions shape Ollama, llama.cpp's server and LocalAI also serve: what the bot sends
/// to the model, and what the stand-in answers as the model. Only the schemas the chat-completions
/// bodies reach are loaded (the document holds 1,400).
public static partial class OpenAiSchemas
{
    private const string Path = "/chat/completions";
    private static readonly Lazy<JsonObject> Document = new(Load);
    private static readonly ConcurrentDictionary<string, JsonSchema> Cache = new();

    public static void AssertRequest(string json) =>
        AssertValid(Schema("request", Document.Value["paths"]![Path]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!), json, "chat-completions request");

    public static void AssertResponse(string json) =>
        AssertValid(Schema("response", Document.Value["paths"]![Path]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!), json, "chat-completions response");

    private static void AssertValid(JsonSchema schema, string json, string what)
    {
        var results = schema.Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!results.IsValid)
        {
            var errors = results.Details
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
                .Take(20);
            Assert.Fail($"{what} does not match OpenAI's OpenAPI schema:\n{string.Join('\n', errors)}\n{json}");
        }
    }

    private static JsonSchema Schema(string key, JsonNode root) =>
        Cache.GetOrAdd(key, _ =>
        {
            var all = Document.Value["components"]!["schemas"]!.AsObject();
            var defs = new JsonObject();
            var todo = new Stack<string>(Refs(root));
            while (todo.TryPop(out var name))
            {
                if (defs.ContainsKey(name))
                {
                    continue;
                }

                defs[name] = all[name]!.DeepClone();
                foreach (var next in Refs(all[name]!))
                {
                    todo.Push(next);
                }
            }

            var schema = new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["$id"] = $"https://schemas.test/openai/{Guid.NewGuid():N}",
                ["$defs"] = defs,
            };
            foreach (var (name, value) in root.AsObject())
            {
                schema[name] = value?.DeepClone();
            }

            return JsonSchema.FromText(schema.ToJsonString());
        });

    private static IEnumerable<string> Refs(JsonNode node) =>
        Ref().Matches(node.ToJsonString()).Select(m => m.Groups[1].Value).Distinct();

    [GeneratedRegex(@"#/\$defs/([A-Za-z0-9_.-]+)")]
    private static partial Regex Ref();

    private static JsonObject Load()
    {
        var text = File.ReadAllText(System.IO.Path.Combine(RepositoryPaths.Root, "schemas", "openai-openapi.json"))
            .Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 256 })!.AsObject();
    }
}
