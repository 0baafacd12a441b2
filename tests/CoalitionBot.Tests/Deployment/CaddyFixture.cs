using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

namespace CoalitionBot.Tests.Deployment;

/// <summary>
/// The bot on a real loopback socket, and in front of it the real caddy binary running the
/// repository's own Caddyfile twice: once with ADMIN_MODE=off, once with ADMIN_MODE=basicauth.
/// DOMAIN=localhost makes Caddy issue the certificate from its internal CA, as `tls internal` would.
/// A missing caddy binary fails every test of the class: it is never a skip.
/// </summary>
public sealed class CaddyFixture : IAsyncLifetime
{
    public const string AdminToken = "deployment-test-admin-token";
    public const string BasicUser = "moderator";
    public const string BasicPassword = "correct horse battery staple";

    private readonly DirectoryInfo workDirectory = Directory.CreateTempSubdirectory("coalitionbot-caddy-");
    private BotFactory? bot;

    public Key SigningKey { get; } = Key.Create(
        SignatureAlgorithm.Ed25519,
        new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    /// <summary>Every request that reached the bot, as the bot saw it.</summary>
    public ConcurrentQueue<SeenRequest> BotRequests { get; } = new();

    public CaddyProcess AdminOff { get; private set; } = null!;

    public CaddyProcess AdminBasicAuth { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var caddy = CaddyProcess.FindBinary()
            ?? throw new InvalidOperationException("The caddy binary is not on PATH (apt-get install caddy); the deployment tests run the real one.");
        var repository = FindRepositoryRoot();
        var cancellationToken = TestContext.Current.CancellationToken;

        var botPort = FreeTcpPort();
        bot = new BotFactory(
            new Dictionary<string, string?>
            {
                ["Discord:PublicKey"] = Convert.ToHexStringLower(SigningKey.Export(KeyBlobFormat.RawPublicKey)),
                // Nothing listens there: the bot must not need Discord to answer a PING.
                ["Discord:ApiBaseUrl"] = "http://127.0.0.1:9/api/v10",
                ["Storage:Path"] = Path.Combine(workDirectory.FullName, "bot", "coalitionbot.db"),
                ["Admin:Token"] = AdminToken,
                ["Urls"] = $"http://127.0.0.1:{botPort}",
            },
            BotRequests);
        bot.UseKestrel(botPort);
        bot.StartServer();

        var passwordHash = await CaddyProcess.HashPasswordAsync(caddy, BasicPassword, cancellationToken);
        var upstream = $"127.0.0.1:{botPort}";
        AdminOff = await CaddyProcess.StartAsync(caddy, repository, workDirectory.CreateSubdirectory("caddy-off"), upstream, "off", passwordHash, cancellationToken);
        AdminBasicAuth = await CaddyProcess.StartAsync(caddy, repository, workDirectory.CreateSubdirectory("caddy-basicauth"), upstream, "basicauth", passwordHash, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (AdminOff is not null)
        {
            await AdminOff.DisposeAsync();
        }

        if (AdminBasicAuth is not null)
        {
            await AdminBasicAuth.DisposeAsync();
        }

        if (bot is not null)
        {
            await bot.DisposeAsync();
        }

        SigningKey.Dispose();
        try
        {
            workDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process; the temp folder is cleaned eventually.
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Caddyfile")) && File.Exists(Path.Combine(directory.FullName, "CoalitionBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Caddyfile beside CoalitionBot.sln above {AppContext.BaseDirectory}.");
    }

    public sealed record SeenRequest(string Method, string PathAndQuery, string? Authorization, bool HasAdminTokenHeader);

    private sealed class BotFactory(IReadOnlyDictionary<string, string?> settings, ConcurrentQueue<SeenRequest> seen) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RecordingStartupFilter(seen)));
        }
    }

    private sealed class RecordingStartupFilter(ConcurrentQueue<SeenRequest> seen) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var request = context.Request;
                seen.Enqueue(new SeenRequest(
                    request.Method,
                    request.Path + request.QueryString,
                    request.Headers.Authorization.ToString(),
                    request.Headers.ContainsKey("X-Admin-Token")));
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
