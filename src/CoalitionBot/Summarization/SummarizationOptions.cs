namespace CoalitionBot.Summarization;

/// The optional abstract by a language model the association runs, over an OpenAI-compatible
/// chat-completions endpoint (Ollama, llama.cpp's server, LocalAI). No endpoint: no abstract.
internal sealed class SummarizationOptions
{
    public const string SectionName = "Summarization";

    private const string CompletionsPath = "/chat/completions";

    /// The chat-completions URL (http://ollama:11434/v1/chat/completions) or its base (http://ollama:11434/v1).
    public string Endpoint { get; set; } = "";

    /// The model's name as the server knows it (qwen2.5:3b); also printed in the mail's label.
    public string Model { get; set; } = "";

    /// How long the model may take, for the whole answer; past that the digest goes without it.
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// How much of the day the model is shown, in tokens (estimated from the characters).
    public int MaxInputTokens { get; set; } = 2_000;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);

    /// The base URL the OpenAI client appends "chat/completions" to.
    public Uri BaseUri()
    {
        var endpoint = Endpoint.Trim().TrimEnd('/');
        if (endpoint.EndsWith(CompletionsPath, StringComparison.OrdinalIgnoreCase))
        {
            endpoint = endpoint[..^CompletionsPath.Length];
        }

        return new Uri(endpoint + "/");
    }
}
