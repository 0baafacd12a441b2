using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoalitionBot.Digest;

/// POST /admin/api/digests's optional body; what it leaves out comes from the query string.
internal sealed record DigestSendBody(string? Date, [property: JsonConverter(typeof(DigestSendBody.StrictFlag))] bool? Resend)
{
    /// A JSON null is not a flag: refused like any value other than true or false.
    internal sealed class StrictFlag : JsonConverter<bool?>
    {
        public override bool HandleNull => true;

        public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw new JsonException("resend must be true or false"),
        };

        public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
        {
            if (value is { } flag)
            {
                writer.WriteBooleanValue(flag);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
