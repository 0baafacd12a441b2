using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CoalitionBot.Activity;
using CoalitionBot.Digest;
using CoalitionBot.Discord;
using CoalitionBot.Interactions;
using CoalitionBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Benchmarks.Micro;

/// What the endpoint does after the signature: parse (source-generated context), route, write the
/// answer. The router comes from the application's own registrations, over a temp LiteDB file with
/// a few excluded and important channels so /channels has something to render. No logging
/// provider: the load run measures logging as deployed.
[MemoryDiagnoser]
public class InteractionBenchmarks : IDisposable
{
    private readonly ArrayBufferWriter<byte> output = new(4096);
    private string storageDirectory = "";
    private WebApplication? app;
    private InteractionRouter? router;
    private byte[] ping = [];
    private byte[] channels = [];

    [GlobalSetup]
    public void Setup()
    {
        storageDirectory = Directory.CreateTempSubdirectory("coalitionbot-bench-").FullName;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:GuildId"] = BenchPayloads.GuildId,
            ["Discord:BotToken"] = "",
            ["Storage:Path"] = Path.Combine(storageDirectory, "bench.db"),
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddStorage();
        builder.AddDiscord();
        builder.AddDigest();
        builder.AddActivity();
        builder.AddInteractions();
        app = builder.Build();
        router = app.Services.GetRequiredService<InteractionRouter>();

        var lists = app.Services.GetRequiredService<ChannelListStore>();
        var actor = new Actor(222222222222222222, "Camille");
        for (ulong i = 0; i < 6; i++)
        {
            lists.SetExcluded(1300000000000001000 + i, $"salon-{i}", excluded: true, actor);
            lists.SetImportant(1300000000000002000 + i, $"annonces-{i}", important: i % 2 == 0, actor);
        }

        ping = Encoding.UTF8.GetBytes(BenchPayloads.Ping());
        channels = Encoding.UTF8.GetBytes(BenchPayloads.Channels());
    }

    [Benchmark(Description = "parse+route+write PING")]
    public Task<int> Ping() => HandleAsync(ping);

    [Benchmark(Description = "parse+route+write /channels")]
    public Task<int> Channels() => HandleAsync(channels);

    // BenchmarkDotNet does not dispose benchmark instances; it calls the cleanup method.
    [GlobalCleanup]
    public void Dispose()
    {
        (app as IDisposable)?.Dispose();
        if (Directory.Exists(storageDirectory))
        {
            Directory.Delete(storageDirectory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    private async Task<int> HandleAsync(byte[] body)
    {
        var interaction = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.Interaction)!;
        var routed = await router!.RouteAsync(interaction, CancellationToken.None);
        output.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(output);
        JsonSerializer.Serialize(writer, routed.Response, DiscordJsonContext.Default.InteractionResponse);
        return output.WrittenCount;
    }
}
