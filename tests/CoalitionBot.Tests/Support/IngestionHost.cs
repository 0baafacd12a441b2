using CoalitionBot.Digest;
using CoalitionBot.Discord;
using CoalitionBot.Discord.RateLimits;
using CoalitionBot.Ingestion;
using CoalitionBot.Monitoring;
using CoalitionBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;

namespace CoalitionBot.Tests.Support;

/// The application's storage, Discord client and ingestion services, composed as Program does, on a
/// real LiteDB file, pointed at a <see cref="GuildFake"/>. The host is built but not started: no
/// scheduler runs, the test drives the poller.
internal sealed class IngestionHost : IDisposable
{
    private readonly IHost host;

    public IngestionHost(string dataDirectory, string discordBaseUrl, string token = GuildFake.Token, ulong? guildId = null,
        int? invalidRequestBudget = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Path"] = Path.Combine(dataDirectory, "coalitionbot.db"),
            ["Discord:BotToken"] = token,
            ["Discord:GuildId"] = guildId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "1",
            ["Discord:ApiBaseUrl"] = discordBaseUrl,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddStorage();
        builder.AddDiscord();
        builder.AddDigest();
        builder.AddMonitoring();
        builder.AddIngestion();
        ShortenRetryDelays(builder.Services);
        if (invalidRequestBudget is { } budget)
        {
            builder.Services.RemoveAll<RateLimitRegistry>();
            builder.Services.AddSingleton(services => new RateLimitRegistry(TimeProvider.System, budget));
        }

        configureServices?.Invoke(builder.Services);
        host = builder.Build();
    }

    public IServiceProvider Services => host.Services;

    public Poller Poller => Get<Poller>();

    public MessageStore Messages => Get<MessageStore>();

    public CursorStore Cursors => Get<CursorStore>();

    public ChannelStore Channels => Get<ChannelStore>();

    public ChannelListStore Lists => Get<ChannelListStore>();

    public DiscordClient Client => Get<DiscordClient>();

    public T Get<T>()
        where T : notnull => host.Services.GetRequiredService<T>();

    /// Transient failures are retried after milliseconds rather than seconds, to keep the suite fast.
    public static void ShortenRetryDelays(IServiceCollection services) =>
        services.PostConfigureAll<HttpStandardResilienceOptions>(options => options.Retry.Delay = TimeSpan.FromMilliseconds(20));

    public void Dispose() => host.Dispose();
}

/// A temporary directory removed at the end of the test.
internal sealed class TempDirectory(string prefix = "coalitionbot-tests-") : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background task: the OS temp cleaner will get it.
        }
    }
}
