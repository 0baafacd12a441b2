using CoalitionBot.Discord.RateLimits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;

namespace CoalitionBot.Tests.Support;

/// The <see cref="TestApp"/> preset for ingestion tests: the whole bot on a data folder the test
/// owns, pointed at a <see cref="GuildFake"/> (or any URL); the scheduler is not started, the test
/// drives the poller.
internal static class IngestionFixtures
{
    /// The server polled is <paramref name="guildId"/> (1 when not given); <paramref name="invalidRequestBudget"/>,
    /// when given, is how many invalid requests the rate limiter allows before it stops asking Discord.
    public static TestApp Host(string dataDirectory, string discordBaseUrl, ulong? guildId = null, int? invalidRequestBudget = null,
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Discord:GuildId"] = Payloads.Id(guildId ?? 1),
            // What these tests read: Polly's attempts (at Debug), not the startup's list of features off.
            ["Logging:LogLevel:Polly"] = "Debug",
            ["Logging:LogLevel:CoalitionBot.Health.StartupReport"] = "None",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new TestApp(new TestAppOptions
        {
            Settings = all,
            DiscordUrl = discordBaseUrl,
            DataDirectory = dataDirectory,
            Services = services =>
            {
                ShortenRetryDelays(services);
                if (invalidRequestBudget is { } budget)
                {
                    services.RemoveAll<RateLimitRegistry>();
                    services.AddSingleton(_ => new RateLimitRegistry(TimeProvider.System, budget));
                }

                configureServices?.Invoke(services);
            },
        });
    }

    /// Transient failures are retried after milliseconds rather than seconds, to keep the suite fast.
    public static void ShortenRetryDelays(IServiceCollection services) =>
        services.PostConfigureAll<HttpStandardResilienceOptions>(options => options.Retry.Delay = TimeSpan.FromMilliseconds(20));
}
