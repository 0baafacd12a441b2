using System.Collections.Concurrent;
using CoalitionBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Tests.Deployment;

/// <summary>
/// The bot on a real loopback socket, and in front of it the real caddy binary running the
/// repository's own Caddyfile three times: with ADMIN_MODE left out (the default, signin), with
/// ADMIN_MODE=off and with ADMIN_MODE=basicauth. The bot has the admin token and sign-in with Discord.
/// DOMAIN=localhost makes Caddy issue the certificate from its internal CA, as `tls internal` would.
/// A missing caddy binary fails every test of the class: it is never a skip.
/// </summary>
public sealed class CaddyFixture : IAsyncLifetime
{
    public const string AdminToken = "deployment-test-admin-token";
    public const string BasicUser = "moderator";
    public const string BasicPassword = "correct horse battery staple";

    private readonly DirectoryInfo caddyState = Directory.CreateTempSubdirectory("coalitionbot-caddy-");

    public TestApp Bot { get; private set; } = null!;

    /// <summary>Every request that reached the bot, as the bot saw it.</summary>
    public ConcurrentQueue<SeenRequest> BotRequests { get; } = new();

    public CaddyProcess AdminOff { get; private set; } = null!;

    /// <summary>ADMIN_MODE not set: the default deployment.</summary>
    public CaddyProcess AdminDefault { get; private set; } = null!;

    public CaddyProcess AdminBasicAuth { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var caddy = CaddyProcess.FindBinary()
            ?? throw new InvalidOperationException("The caddy binary is not on PATH (apt-get install caddy); the deployment tests run the real one.");
        var cancellationToken = TestContext.Current.CancellationToken;

        Bot = new TestApp(
            new Dictionary<string, string?>
            {
                ["Admin:Token"] = AdminToken,
                ["Discord:ClientSecret"] = DiscordSignInFake.ClientSecret,
                ["Discord:RedirectUri"] = "https://localhost/admin/signin/discord/callback",
            },
            services => services.AddSingleton<IStartupFilter>(new RecordingStartupFilter(BotRequests)),
            kestrel: true);
        var upstream = Bot.Client.BaseAddress!.Authority;

        var passwordHash = await CaddyProcess.HashPasswordAsync(caddy, BasicPassword, cancellationToken);
        AdminOff = await CaddyProcess.StartAsync(caddy, RepositoryPaths.Root, caddyState.CreateSubdirectory("off"), upstream, "off", passwordHash, cancellationToken);
        AdminBasicAuth = await CaddyProcess.StartAsync(caddy, RepositoryPaths.Root, caddyState.CreateSubdirectory("basicauth"), upstream, "basicauth", passwordHash, cancellationToken);
        AdminDefault = await CaddyProcess.StartAsync(caddy, RepositoryPaths.Root, caddyState.CreateSubdirectory("default"), upstream, null, passwordHash, cancellationToken);
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

        if (AdminDefault is not null)
        {
            await AdminDefault.DisposeAsync();
        }

        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }

        try
        {
            caddyState.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process; the temporary folder is cleaned eventually.
        }
    }

    public sealed record SeenRequest(string Method, string PathAndQuery, string? Authorization, bool HasAdminTokenHeader);

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
