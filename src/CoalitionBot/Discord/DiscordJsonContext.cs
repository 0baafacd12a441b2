using System.Text.Json.Serialization;
using CoalitionBot.Discord.Models;

namespace CoalitionBot.Discord;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    Converters = [typeof(SnowflakeConverter)])]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(WebhookMessageEdit))]
[JsonSerializable(typeof(WebhookMessageCreate))]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(IReadOnlyList<Message>))]
[JsonSerializable(typeof(ThreadList))]
[JsonSerializable(typeof(GuildMember))]
[JsonSerializable(typeof(Guild))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(OAuthToken))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
[JsonSerializable(typeof(IReadOnlyList<Channel>))]
[JsonSerializable(typeof(DiscordError))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
