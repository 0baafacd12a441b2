using System.Text.Json;
using System.Text.Json.Serialization;
using CoalitionBot.Storage;

namespace CoalitionBot.Admin;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(StatusView))]
[JsonSerializable(typeof(ChannelLists))]
[JsonSerializable(typeof(ChannelChange))]
[JsonSerializable(typeof(AudienceInfo))]
[JsonSerializable(typeof(AudienceChange))]
[JsonSerializable(typeof(ImportantChange))]
[JsonSerializable(typeof(SwitchesChange))]
[JsonSerializable(typeof(FeatureSwitches))]
[JsonSerializable(typeof(IReadOnlyList<LogEntry>))]
[JsonSerializable(typeof(IReadOnlyList<AuditView>))]
[JsonSerializable(typeof(AdminSessionList))]
[JsonSerializable(typeof(SessionsRevoked))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
