using System.Net;
using System.Net.Http.Headers;
using CoalitionBot.Configuration;
using CoalitionBot.Discord.RateLimits;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Telemetry;

namespace CoalitionBot.Discord;

internal static class DiscordExtensions
{
    public const string UserAgentUrl = "https://coalitionbot.example";

    /// <summary>The Discord options, the typed REST client (rate limits, then retries of transient failures) and the cached channel list.</summary>
    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<DiscordOptions, DiscordOptionsValidator>().BindConfiguration(DiscordOptions.SectionName);
        builder.Services.AddSingleton<RateLimitRegistry>();
        builder.Services.AddTransient<RateLimitHandler>();
        builder.Services.AddHttpClient<DiscordClient>((services, http) =>
            {
                var options = services.GetRequiredService<IOptions<DiscordOptions>>().Value;
                http.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
                // Rate-limit waits happen inside the call; the resilience pipeline times each attempt.
                http.Timeout = TimeSpan.FromMinutes(10);
                http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("DiscordBot", null));
                http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue($"({UserAgentUrl}, {Version})"));
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            // Outermost: rate limits, so every attempt below is counted and a 429 is retried here only.
            .AddHttpMessageHandler<RateLimitHandler>()
            .AddStandardResilienceHandler()
            .Configure((options, services) =>
            {
                options.Retry.ShouldHandle = args => ValueTask.FromResult(IsTransientButNotRateLimit(args.Outcome));
                options.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(IsTransientButNotRateLimit(args.Outcome));
                // A server error's Retry-After is honoured as the pipeline does by default, but an absurd
                // one is cut like a rate limit's (an unbounded delay would overflow the timer).
                var waits = new RateLimitWait(services.GetRequiredService<ILogger<RateLimitHandler>>());
                var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
                options.Retry.DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, time.GetUtcNow(), waits));
            });
        // Each attempt Polly makes would otherwise log at Warning, and the last one at Error with a stack
        // trace, next to the one line the caller writes when Discord cannot be reached. They stay
        // available at Debug (Logging:LogLevel:Polly) for whoever investigates.
        builder.Services.Configure<TelemetryOptions>(options => options.SeverityProvider = _ => ResilienceEventSeverity.Debug);
        builder.Services.AddSingleton<GuildChannelCache>();
        return builder;
    }

    public static string Version { get; } = typeof(DiscordExtensions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// The wait a server error's Retry-After asks for, cut to a sane maximum; none: the pipeline's own backoff.
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now, RateLimitWait waits)
    {
        if (response?.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        return waits.Span(header.Delta ?? (header.Date is { } date ? (date > now ? date - now : TimeSpan.Zero) : null), "Retry-After");
    }

    /// 5xx, 408, timeouts and network errors; a 429 is the rate-limit handler's to wait out.
    private static bool IsTransientButNotRateLimit(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests && HttpClientResiliencePredicates.IsTransient(outcome);
}
