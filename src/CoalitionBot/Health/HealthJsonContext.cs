using System.Text.Json.Serialization;

namespace CoalitionBot.Health;

[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(DateTimeOffset))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
