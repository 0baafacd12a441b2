using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoalitionBot.Discord;

/// Discord sends 64-bit ids as strings; we keep them as ulong.
internal sealed class SnowflakeConverter : JsonConverter<ulong>
{
    public override ulong Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetUInt64();
        }

        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped
            && Utf8Parser.TryParse(reader.ValueSpan, out ulong value, out var consumed) && consumed == reader.ValueSpan.Length)
        {
            return value;
        }

        throw new JsonException("A Discord id must be a string of digits.");
    }

    public override void Write(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options)
    {
        Span<byte> buffer = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, buffer, out var written);
        writer.WriteStringValue(buffer[..written]);
    }
}
