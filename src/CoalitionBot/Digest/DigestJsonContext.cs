using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoalitionBot.Digest;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<DigestSummary>))]
[JsonSerializable(typeof(DigestSummary))]
[JsonSerializable(typeof(DigestDetail))]
[JsonSerializable(typeof(DigestSendBody))]
internal sealed partial class DigestJsonContext : JsonSerializerContext;
