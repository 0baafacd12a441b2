using CoalitionBot.Mail;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Tests.Support;

/// The whole application with a temporary database, a fake clock, mail recorded in memory and the
/// scheduler not started (tests drive the digest through the admin API).
internal sealed class DigestAppFactory : WebApplicationFactory<Program>
{
    public const string AdminToken = "test-admin-token-0123456789";

    private readonly bool ownsFiles;

    /// <param name="now">The fake clock's start.</param>
    /// <param name="files">A database shared with an earlier instance (a restart); a new one when null.</param>
    /// <param name="realMail">Keep the configured transport (SMTP or outbox) instead of recording mail in memory.</param>
    public DigestAppFactory(DateTimeOffset now, TestDatabase? files = null, bool realMail = false)
    {
        Time = new FakeTimeProvider(now);
        ownsFiles = files is null;
        Files = files ?? new TestDatabase();
        RealMail = realMail;
    }

    public TestDatabase Files { get; }

    public bool RealMail { get; }

    public FakeTimeProvider Time { get; }

    public RecordingTransport Transport { get; } = new();

    /// More configuration, set before the host is built.
    public Dictionary<string, string> Settings { get; } = [];

    public HttpClient AdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminToken);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        builder.UseSetting("Storage:Path", Files.Options.Value.Path);
        builder.UseSetting("Admin:Token", AdminToken);
        builder.UseSetting("Digest:To", "liste@example.org");
        builder.UseSetting("Digest:From", "Coalition <bot@example.org>");
        builder.UseSetting("Digest:ServerName", "Coalition FFJ");
        builder.UseSetting("Discord:GuildId", "42");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            if (!RealMail)
            {
                services.RemoveAll<IMailTransport>();
                services.AddSingleton<IMailTransport>(Transport);
            }

            var quartz = services.Where(d => d.ServiceType == typeof(IHostedService) && (d.ImplementationType?.Namespace?.StartsWith("Quartz", StringComparison.Ordinal) ?? false)).ToList();
            foreach (var descriptor in quartz)
            {
                services.Remove(descriptor);
            }
        });
    }

    /// The HTTP resilience pipeline (Polly) waits on the app's clock for a request still in flight, a
    /// deferred answer's edit say, before the host lets go of it: with the fake clock standing still that
    /// wait would never end, so the clock moves while the host stops.
    public override async ValueTask DisposeAsync()
    {
        using var stopped = new CancellationTokenSource();
        var ticking = Task.Run(async () =>
        {
            while (!stopped.IsCancellationRequested)
            {
                Time.Advance(TimeSpan.FromMilliseconds(50));
                await Task.Delay(10, CancellationToken.None);
            }
        }, CancellationToken.None);
        await base.DisposeAsync();
        await stopped.CancelAsync();
        await ticking;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsFiles)
        {
            Files.Dispose();
        }
    }
}
