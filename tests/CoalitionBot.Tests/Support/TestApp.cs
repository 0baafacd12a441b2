using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Tests.Support;

/// One running bot for one test: keys, a Discord fake, a data folder, and the host. Restart keeps
/// the data folder, as a process restart would.
public sealed class TestApp : IAsyncDisposable
{
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? configureServices;
    private readonly bool kestrel;
    private CoalitionBotFactory factory;

    public TestApp(IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configureServices = null, string? dataDirectory = null, bool kestrel = false)
    {
        this.kestrel = kestrel;
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("coalitionbot-").FullName;
        settings = new Dictionary<string, string?>
        {
            ["Discord:PublicKey"] = Keys.PublicKeyHex,
            ["Discord:ApplicationId"] = Payloads.ApplicationId,
            ["Discord:GuildId"] = Payloads.GuildId,
            ["Discord:BotToken"] = "test-bot-token",
            ["Discord:ApiBaseUrl"] = Discord.ApiBaseUrl,
            ["Storage:Path"] = Path.Combine(DataDirectory, "coalitionbot.db"),
            ["Backup:Path"] = Path.Combine(DataDirectory, "backups"),
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        this.configureServices = configureServices;
        factory = Start();
        Client = factory.CreateClient();
    }

    public TestKeys Keys { get; } = new();

    public DiscordFake Discord { get; } = new();

    public LogCollector Logs { get; } = new();

    public string DataDirectory { get; }

    public HttpClient Client { get; private set; }

    public IServiceProvider Services => factory.Services;

    /// A client that keeps cookies, over https so Secure cookies travel (the admin page's session).
    public HttpClient CreateBrowserLikeClient(bool followRedirects = false) =>
        factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = followRedirects,
            HandleCookies = true,
        });

    public T Get<T>()
        where T : notnull => factory.Services.GetRequiredService<T>();

    /// Stops the host (closing the database) and starts a new one on the same data folder, with
    /// some settings changed if given (as an operator editing .env between two starts).
    public async Task RestartAsync(IDictionary<string, string?>? changes = null)
    {
        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        Client.Dispose();
        await factory.DisposeAsync();
        factory = Start();
        Client = factory.CreateClient();
    }

    private CoalitionBotFactory Start()
    {
        var started = new CoalitionBotFactory(settings, Logs, configureServices);
        if (kestrel)
        {
            // A real socket on a free loopback port, for what the in-memory test server smooths over.
            started.UseKestrel(0);
            started.StartServer();
        }

        return started;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await factory.DisposeAsync();
        Discord.Dispose();
        Keys.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying host; the OS cleans temp folders.
        }
    }
}
