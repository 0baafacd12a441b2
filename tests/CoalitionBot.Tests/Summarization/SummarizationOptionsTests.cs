using CoalitionBot.Configuration;
using CoalitionBot.Summarization;
using CoalitionBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace CoalitionBot.Tests.Summarization;

public sealed class SummarizationOptionsTests
{
    [Fact]
    public void Without_an_endpoint_anything_goes_and_nothing_is_asked()
    {
        var result = new SummarizationOptionsValidator().Validate(null, new SummarizationOptions { Timeout = TimeSpan.Zero, MaxInputTokens = 0 });

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("ftp://ollama:11434/v1", "qwen2.5:3b", "00:01:00", 2000, "Summarization:Endpoint must be an absolute http(s) URL")]
    [InlineData("ollama:11434", "qwen2.5:3b", "00:01:00", 2000, "Summarization:Endpoint must be an absolute http(s) URL")]
    [InlineData("http://user:secret@ollama:11434/v1", "qwen2.5:3b", "00:01:00", 2000, "without credentials")]
    [InlineData("http://ollama:11434/v1", " ", "00:01:00", 2000, "Summarization:Model is required")]
    [InlineData("http://ollama:11434/v1", "qwen2.5:3b", "00:00:00.500", 2000, "Summarization:Timeout must be between")]
    [InlineData("http://ollama:11434/v1", "qwen2.5:3b", "00:30:00", 2000, "Summarization:Timeout must be between")]
    [InlineData("http://ollama:11434/v1", "qwen2.5:3b", "00:01:00", 50, "Summarization:MaxInputTokens must be between")]
    public void A_bad_value_is_named_by_its_key(string endpoint, string model, string timeout, int tokens, string error)
    {
        var result = new SummarizationOptionsValidator().Validate(null, new SummarizationOptions
        {
            Endpoint = endpoint, Model = model, Timeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture), MaxInputTokens = tokens,
        });

        Assert.Contains(result.Failures!, f => f.Contains(error, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://ollama:11434/v1/chat/completions", "http://ollama:11434/v1/")]
    [InlineData("http://ollama:11434/v1/", "http://ollama:11434/v1/")]
    [InlineData("http://127.0.0.1:8080/v1/chat/completions/", "http://127.0.0.1:8080/v1/")]
    public void The_endpoint_may_be_the_completions_url_or_its_base(string endpoint, string baseUri)
    {
        Assert.Equal(new Uri(baseUri), new SummarizationOptions { Endpoint = endpoint }.BaseUri());
    }

    [Theory]
    [InlineData("http://localhost:11434/v1", true)]
    [InlineData("http://127.0.0.1:11434/v1", true)]
    [InlineData("http://[::1]:11434/v1", true)]
    [InlineData("http://ollama:11434/v1", true)]
    [InlineData("http://pi5.local:11434/v1", true)]
    [InlineData("http://gpu.home.arpa:8080/v1", true)]
    [InlineData("http://192.168.1.20:11434/v1", true)]
    [InlineData("http://10.0.0.7:11434/v1", true)]
    [InlineData("http://172.20.0.3:11434/v1", true)]
    [InlineData("http://[fd12:3456::7]:11434/v1", true)]
    [InlineData("http://172.32.0.3:11434/v1", false)]
    [InlineData("http://8.8.8.8/v1", false)]
    [InlineData("https://api.example.com/v1", false)]
    [InlineData("http://[2001:db8::1]/v1", false)]
    public void Loopback_private_addresses_and_local_names_count_as_local(string endpoint, bool local)
    {
        Assert.Equal(local, EndpointLocality.IsLocal(new Uri(endpoint)));
    }

    [Theory]
    [InlineData("https://llm.example.com/v1/chat/completions", true)]
    [InlineData("http://192.168.1.20:11434/v1/chat/completions", false)]
    public async Task At_start_one_warning_says_when_messages_would_leave_the_network(string endpoint, bool warned)
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Summarization:Endpoint"] = endpoint, ["Summarization:Model"] = "qwen2.5:3b" });

        var warnings = app.Logs.Lines.Where(l => l.Message.Contains("would leave the association's machines", StringComparison.Ordinal)).ToList();

        Assert.Equal(warned ? 1 : 0, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, w.Level));
    }

    [Fact]
    public void A_bad_value_stops_the_start_with_one_line_naming_the_key()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Summarization:Endpoint"] = "http://ollama:11434/v1" });
        builder.AddSummarization();
        using var app = builder.Build();

        var errors = OptionsRegistration.FindConfigurationErrors(app.Services);

        Assert.Equal(["Summarization:Model is required with Summarization:Endpoint: the model's name as the server knows it, such as qwen2.5:3b."], errors);
    }
}
