using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CoalitionBot.Admin;

/// Reads an admin API body inside the handler, that is after the token filter: a request without
/// the token gets 401 whatever its body, and a bad body from an authorised caller gets 400 with why.
internal static class AdminJsonBody
{
    private const int MaxBytes = 4_096;

    /// The body as <typeparamref name="T"/>; <paramref name="empty"/> when there is none; a problem
    /// sentence when it is too large, not JSON or not the expected shape.
    public static async Task<(T? Value, string? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type, T? empty, string example, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (default, "The body is too large.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return (default, "The body is too large.");
            }
        }

        var bytes = buffer.ToArray();
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return (empty, null);
        }

        try
        {
            var value = JsonSerializer.Deserialize(bytes, type);
            return value is null ? (default, $"The body must be a JSON object such as {example}.") : (value, null);
        }
        catch (JsonException exception)
        {
            var where = exception.Path is { Length: > 1 } path ? $" (at {path})" : "";
            return (default, $"The body is not what this route takes{where}: send a JSON object such as {example}.");
        }
    }
}
