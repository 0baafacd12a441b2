using System.Globalization;

namespace CoalitionBot.Discord.RateLimits;

/// Turns the waits Discord asks for (seconds, or an epoch time) into spans the clock can add: a
/// value that is not a number, or a negative number of seconds, is ignored; a huge or infinite one
/// is cut to <see cref="MaxWait"/>. Each is logged, since it means Discord (or a proxy) misspoke.
internal sealed class RateLimitWait(ILogger logger)
{
    /// Our choice, not Discord's: longer than any bucket or 429 wait its documentation describes for
    /// the routes we use, and far from where DateTimeOffset and Task.Delay arithmetic overflow.
    public static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);

    /// Seconds as a header gives them (X-RateLimit-Reset-After).
    public TimeSpan? Seconds(string? text, string source) =>
        text is null ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? Seconds(seconds, source, text)
        : Ignored(source, text);

    /// Seconds as a number (the 429 body's retry_after).
    public TimeSpan? Seconds(double? seconds, string source) =>
        seconds is { } value ? Seconds(value, source, value.ToString(CultureInfo.InvariantCulture)) : null;

    /// A time span already parsed (Retry-After's delta seconds), or a time (its HTTP-date form).
    public TimeSpan? Span(TimeSpan? span, string source) =>
        span is { } value ? Seconds(value.TotalSeconds, source, value.TotalSeconds.ToString(CultureInfo.InvariantCulture)) : null;

    /// The wait until an instant given as Unix epoch seconds (X-RateLimit-Reset); an instant already past is no wait.
    public TimeSpan? UntilEpoch(string? text, DateTimeOffset now, string source)
    {
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch) || double.IsNaN(epoch))
        {
            return Ignored(source, text);
        }

        var seconds = epoch - (now.ToUnixTimeMilliseconds() / 1000.0);
        return Seconds(Math.Max(0, seconds), source, text);
    }

    private TimeSpan? Seconds(double seconds, string source, string text)
    {
        if (double.IsNaN(seconds) || seconds < 0)
        {
            return Ignored(source, text);
        }

        if (seconds > MaxWait.TotalSeconds)
        {
            Log.RateLimitWaitCut(logger, source, Shorten(text), MaxWait.TotalSeconds);
            return MaxWait;
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private TimeSpan? Ignored(string source, string text)
    {
        Log.RateLimitWaitIgnored(logger, source, Shorten(text));
        return null;
    }

    /// What Discord sent goes into the log, so it is kept short.
    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
