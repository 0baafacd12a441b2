using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CoalitionBot.Discord.RateLimits;

/// Honours Discord's rate limits for every request of the typed client: waits while a bucket is
/// empty, keeps under the global limit, waits out a 429 and sends again, and stops sending when too
/// many requests were refused. It is the only layer that retries a 429.
internal sealed class RateLimitHandler(RateLimitRegistry registry, ILogger<RateLimitHandler> logger) : DelegatingHandler
{
    public const int MaxRateLimitRetries = 4;

    /// A longer wait than this is not worth holding a poll for: the 429 goes back to the caller, and
    /// requests that would have to wait that long are not sent.
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(2);

    private readonly RateLimitWait waits = new(logger);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = RouteKey.From(request.Method, request.RequestUri!);
        var bucket = registry.BucketFor(route);
        var time = registry.Time;
        await bucket.Gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                if (!route.IsInteraction && registry.InvalidBudgetSpent() is { } refused)
                {
                    throw new InvalidRequestBudgetException(refused, RateLimitRegistry.InvalidRequestWindow);
                }

                var wait = bucket.WaitTime(time.GetUtcNow());
                if (wait > LongestWait)
                {
                    // A bucket Discord closed for long (a 429 given back to the caller, say): nothing to send until then.
                    throw new RateLimitedException(route.Route, wait);
                }

                if (wait > TimeSpan.Zero)
                {
                    Log.WaitingForBucket(logger, route.Route, wait.TotalSeconds);
                    await Task.Delay(wait, time, cancellationToken);
                    bucket.Refill();
                }

                if (!route.IsInteraction)
                {
                    if (registry.GlobalPauseLeft() is var paused && paused > LongestWait)
                    {
                        throw new RateLimitedException("any route", paused);
                    }

                    await registry.WaitForGlobalSlotAsync(cancellationToken);
                }

                registry.CountSend();
                var response = await base.SendAsync(request, cancellationToken);
                var now = time.GetUtcNow();
                Learn(route, bucket, response.Headers, now);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    registry.RecordInvalidAnswer();
                }

                if (response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    return response;
                }

                var limit = await ReadRateLimitAsync(response, now, cancellationToken);
                if (limit.Scope != "shared")
                {
                    registry.RecordInvalidAnswer();
                }

                if (limit.Global && !route.IsInteraction)
                {
                    registry.PauseGlobally(now + limit.RetryAfter);
                }
                else
                {
                    bucket.Block(now + limit.RetryAfter);
                }

                Log.RateLimited(logger, route.Route, limit.RetryAfter.TotalSeconds, limit.Global, limit.Scope ?? "");
                if (attempt >= MaxRateLimitRetries || limit.RetryAfter > LongestWait)
                {
                    return response;
                }

                response.Dispose();
            }
        }
        finally
        {
            bucket.Gate.Release();
        }
    }

    private void Learn(RouteKey route, RateLimitBucket bucket, HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (Header(headers, "X-RateLimit-Bucket") is { Length: > 0 } id)
        {
            registry.LearnBucketId(route, id, bucket);
        }

        if (int.TryParse(Header(headers, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            && ResetAfter(headers, now) is { } resetAfter)
        {
            bucket.Update(remaining, now + resetAfter);
        }
    }

    /// Reset-After is relative, so our clock's error does not matter; Reset (an epoch time) is the fallback.
    private TimeSpan? ResetAfter(HttpResponseHeaders headers, DateTimeOffset now) =>
        waits.Seconds(Header(headers, "X-RateLimit-Reset-After"), "X-RateLimit-Reset-After")
        ?? waits.UntilEpoch(Header(headers, "X-RateLimit-Reset"), now, "X-RateLimit-Reset");

    /// The body's retry_after is the precise one; Retry-After and the reset headers are the fallbacks
    /// (a 429 from Cloudflare may carry no JSON at all).
    private async Task<RateLimit> ReadRateLimitAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        double? retryAfter = null;
        var global = string.Equals(Header(response.Headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (body.Length > 0 && body[0] == '{')
            {
                var error = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.DiscordError);
                retryAfter = error?.RetryAfter;
                global |= error?.Global == true;
            }
        }
        catch (JsonException)
        {
            // Not Discord's JSON (or a retry_after too large for a number): fall back to the headers.
        }

        var header = response.Headers.RetryAfter;
        var wait = waits.Seconds(retryAfter, "retry_after")
            ?? waits.Span(header?.Delta ?? (header?.Date is { } date ? (date > now ? date - now : TimeSpan.Zero) : null), "Retry-After")
            ?? ResetAfter(response.Headers, now)
            ?? TimeSpan.FromSeconds(1);
        return new RateLimit(wait, global, Header(response.Headers, "X-RateLimit-Scope"));
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private readonly record struct RateLimit(TimeSpan RetryAfter, bool Global, string? Scope);
}
