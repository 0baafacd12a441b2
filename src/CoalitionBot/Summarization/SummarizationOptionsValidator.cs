using CoalitionBot.Configuration;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Summarization;

internal sealed class SummarizationOptionsValidator : IValidateOptions<SummarizationOptions>
{
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, SummarizationOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        List<string> failures = [];
        if (!ConfigurationChecks.IsHttpUrl(options.Endpoint.Trim()) || new Uri(options.Endpoint.Trim()).UserInfo.Length > 0)
        {
            failures.Add("Summarization:Endpoint must be an absolute http(s) URL without credentials, such as http://ollama:11434/v1/chat/completions.");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add("Summarization:Model is required with Summarization:Endpoint: the model's name as the server knows it, such as qwen2.5:3b.");
        }

        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > MaxTimeout)
        {
            failures.Add("Summarization:Timeout must be between 00:00:01 and 00:10:00.");
        }

        if (options.MaxInputTokens is < 200 or > 128_000)
        {
            failures.Add("Summarization:MaxInputTokens must be between 200 and 128000.");
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
