using CoalitionBot.Discord;
using CoalitionBot.Ingestion;
using CoalitionBot.Mail;
using CoalitionBot.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Tests.Support;

/// How a <see cref="TestApp"/> is built. Everything is optional: the default is the whole bot on the
/// system clock, a fresh data folder removed at the end, its own Discord fake, and real mail settings.
public sealed record TestAppOptions
{
    /// Configuration on top of the defaults (an operator's .env).
    public IDictionary<string, string?>? Settings { get; init; }

    /// Services replaced or added after the application's own.
    public Action<IServiceCollection>? Services { get; init; }

    /// A fake clock for the application; with one, the scheduler's hosted service is left out (tests
    /// drive jobs themselves) and the clock keeps moving while the host stops.
    public FakeTimeProvider? Clock { get; init; }

    /// Mail goes to <see cref="TestApp.Transport"/> in memory instead of the configured transport.
    public bool RecordMail { get; init; }

    /// Discord is this fake (its URL, token and server id are configured); a new one when null.
    public GuildFake? Discord { get; init; }

    /// Discord is at this URL (nothing listening, say) rather than a fake's.
    public string? DiscordUrl { get; init; }

    /// The data folder, kept at the end (a restart across two apps, or a folder the test owns).
    public string? DataDirectory { get; init; }

    /// A real socket on a free loopback port instead of the in-memory test server.
    public bool Kestrel { get; init; }

    /// With <see cref="Kestrel"/>: this port rather than a free one (a URL in the settings names it).
    public int? KestrelPort { get; init; }
}

/// The one way tests host the bot: keys, a Discord fake, a data folder, and the real application
/// (WebApplicationFactory), started by the constructor. Presets for a family of tests build on it
/// (<see cref="DigestFixtures.App"/>). Restart keeps the data folder, as a process restart would.
public sealed class TestApp : IAsyncDisposable, IDisposable
{
    public const string AdminToken = "test-admin-token-0123456789";

    private readonly TestAppOptions options;
    private readonly bool ownsDiscord;
    private readonly bool ownsData;
    private readonly Dictionary<string, string?> settings;
    private readonly GuildFake? discord;
    private CoalitionBotFactory? factory;
    private HttpClient? client;

    public TestApp(IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configureServices = null, string? dataDirectory = null, bool kestrel = false)
        : this(new TestAppOptions { Settings = overrides, Services = configureServices, DataDirectory = dataDirectory, Kestrel = kestrel })
    {
    }

    public TestApp(TestAppOptions options)
    {
        this.options = options;
        ownsDiscord = options.Discord is null && options.DiscordUrl is null;
        discord = ownsDiscord ? new GuildFake(ulong.Parse(Payloads.GuildId, System.Globalization.CultureInfo.InvariantCulture)) : options.Discord;
        ownsData = options.DataDirectory is null;
        DataDirectory = options.DataDirectory ?? Directory.CreateTempSubdirectory("coalitionbot-").FullName;
        settings = new Dictionary<string, string?>
        {
            ["Discord:PublicKey"] = Keys.PublicKeyHex,
            ["Discord:ApplicationId"] = Payloads.ApplicationId,
            ["Discord:GuildId"] = discord is null ? Payloads.GuildId : Payloads.Id(discord.Guild),
            ["Discord:BotToken"] = GuildFake.Token,
            ["Discord:ApiBaseUrl"] = options.DiscordUrl ?? discord!.BaseUrl,
            ["Storage:Path"] = Path.Combine(DataDirectory, "coalitionbot.db"),
            ["Backup:Path"] = Path.Combine(DataDirectory, "backups"),
        };
        foreach (var (key, value) in options.Settings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        Start();
    }

    public TestKeys Keys { get; } = new();

    /// The Discord fake the bot talks to (none when <see cref="TestAppOptions.DiscordUrl"/> is set).
    public GuildFake Discord => discord ?? throw new InvalidOperationException("This TestApp talks to Discord at a given URL (TestAppOptions.DiscordUrl), not to a fake.");

    public LogCollector Logs { get; } = new();

    public string DataDirectory { get; }

    /// The configuration the host started with; <see cref="RestartAsync"/> changes it.
    public IReadOnlyDictionary<string, string?> Settings => settings;

    /// The fake clock, when the options gave one.
    public FakeTimeProvider Time => options.Clock ?? throw new InvalidOperationException("This TestApp runs on the system clock (TestAppOptions.Clock).");

    /// The mail sent, when the options asked for it to be recorded.
    internal RecordingTransport Transport { get; } = new();

    public HttpClient Client => client ??= Start().CreateClient();

    public IServiceProvider Services => Start().Services;

    public HttpClient CreateClient() => Start().CreateClient();

    /// A client that presents <see cref="AdminToken"/> (set Admin:Token to it in the settings).
    public HttpClient AdminClient()
    {
        var admin = CreateClient();
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminToken);
        return admin;
    }

    /// A client that keeps cookies, over https so Secure cookies travel (the admin page's session).
    public HttpClient CreateBrowserLikeClient(bool followRedirects = false) =>
        Start().CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = followRedirects,
            HandleCookies = true,
        });

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// The bot's own Discord client (not the test's HTTP client, <see cref="Client"/>).
    internal DiscordClient DiscordClient => Get<DiscordClient>();

    internal Poller Poller => Get<Poller>();

    internal MessageStore Messages => Get<MessageStore>();

    internal CursorStore Cursors => Get<CursorStore>();

    internal ChannelStore Channels => Get<ChannelStore>();

    internal ChannelListStore Lists => Get<ChannelListStore>();

    /// Stops the host (closing the database) and starts a new one on the same data folder, with
    /// some settings changed if given (as an operator editing .env between two starts), and the fake
    /// clock set to <paramref name="at"/> if given.
    public async Task RestartAsync(IDictionary<string, string?>? changes = null, DateTimeOffset? at = null)
    {
        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        await StopAsync();
        if (at is { } instant)
        {
            Time.SetUtcNow(instant);
        }

        Start();
    }

    private CoalitionBotFactory Start()
    {
        if (factory is not null)
        {
            return factory;
        }

        factory = new CoalitionBotFactory(settings, Logs, services =>
        {
            if (options.Clock is { } clock)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
                foreach (var quartz in services.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService)
                    && (d.ImplementationType?.Namespace?.StartsWith("Quartz", StringComparison.Ordinal) ?? false)).ToList())
                {
                    services.Remove(quartz);
                }
            }

            if (options.RecordMail)
            {
                services.RemoveAll<IMailTransport>();
                services.AddSingleton<IMailTransport>(Transport);
            }

            options.Services?.Invoke(services);
        });
        if (options.Kestrel)
        {
            // A real socket on a free loopback port, for what the in-memory test server smooths over.
            factory.UseKestrel(options.KestrelPort ?? 0);
            factory.StartServer();
        }
        else
        {
            // Builds and starts the host now, as a process start would (startup logs come first).
            _ = factory.Services;
        }

        return factory;
    }

    /// The HTTP resilience pipeline (Polly) waits on the app's clock for a request still in flight, a
    /// deferred answer's edit say, before the host lets go of it: with a fake clock standing still that
    /// wait would never end, so the clock moves while the host stops.
    private async Task StopAsync()
    {
        client?.Dispose();
        client = null;
        if (factory is null)
        {
            return;
        }

        using var stopped = new CancellationTokenSource();
        var ticking = options.Clock is { } clock
            ? Task.Run(async () =>
            {
                while (!stopped.IsCancellationRequested)
                {
                    clock.Advance(TimeSpan.FromMilliseconds(50));
                    await Task.Delay(10, CancellationToken.None);
                }
            }, CancellationToken.None)
            : Task.CompletedTask;
        await factory.DisposeAsync();
        factory = null;
        await stopped.CancelAsync();
        await ticking;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (ownsDiscord)
        {
            discord?.Dispose();
        }

        Keys.Dispose();
        if (ownsData)
        {
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

    /// For the tests that dispose synchronously (a `using` block around a restart).
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
