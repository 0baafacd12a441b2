using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoalitionBot.Summarization;

/// The one call the abstract needs from an OpenAI-compatible server: POST chat/completions, not
/// streamed, one attempt. A typed client of our own with source-generated JSON rather than a
/// general SDK: the whole exchange is five fields, and the SDK cost the idle bot memory even with
/// the feature off (docs/summarization.md).
internal static class ChatCompletions
{
    /// Sends the request and returns the first choice's text (null when the answer has none).
    /// Throws <see cref="HttpRequestException"/> with a status code when the server answers with
    /// an error, without one when it cannot be reached, <see cref="JsonException"/>
    /// when the body is not a chat completion, and is cancelled by <paramref name="cancellationToken"/>.
    public static async Task<string?> CompleteAsync(HttpClient http, Uri completions, ChatCompletionRequest request, CancellationToken cancellationToken)
    {
        // Serialized up front so the request carries a Content-Length: JsonContent would stream it
        // chunked, which not every small model server reads (Python's http.server reads nothing).
        using var body = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, ChatCompletionsJsonContext.Default.ChatCompletionRequest));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(completions, body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The error body is the server's text: not read, not logged; the status says enough.
            throw new HttpRequestException(HttpRequestError.Unknown, $"the endpoint answered HTTP {(int)response.StatusCode}", statusCode: response.StatusCode);
        }

        var answer = await response.Content.ReadFromJsonAsync(ChatCompletionsJsonContext.Default.ChatCompletionResponse, cancellationToken)
            ?? throw new JsonException("the body is JSON null, not a chat completion");
        return answer.Choices is [{ Message.Content: var content }, ..] ? content : null;
    }
}

/// The request as OpenAI's schema names it (CreateChatCompletionRequest), only the fields we set.
internal sealed record ChatCompletionRequest(
    string Model,
    IReadOnlyList<ChatMessage> Messages,
    [property: JsonPropertyName("max_completion_tokens")] int MaxCompletionTokens,
    double Temperature);

/// One message of the conversation: role "system" or "user", plain text content.
internal sealed record ChatMessage(string Role, string Content);

/// The answer (CreateChatCompletionResponse), only the fields we read; the rest is ignored.
internal sealed record ChatCompletionResponse(
    IReadOnlyList<ChatChoice>? Choices,
    string? Model,
    ChatUsage? Usage);

internal sealed record ChatChoice(ChatAnswer? Message);

internal sealed record ChatAnswer(string? Role, string? Content);

internal sealed record ChatUsage(
    [property: JsonPropertyName("prompt_tokens")] int PromptTokens,
    [property: JsonPropertyName("completion_tokens")] int CompletionTokens);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChatCompletionRequest))]
[JsonSerializable(typeof(ChatCompletionResponse))]
internal sealed partial class ChatCompletionsJsonContext : JsonSerializerContext;
