using System.Text.Json.Serialization;

namespace CoalitionBot.Ingestion;

[JsonSerializable(typeof(PollSummary))]
[JsonSerializable(typeof(RefreshSummary))]
internal sealed partial class IngestionJsonContext : JsonSerializerContext;
