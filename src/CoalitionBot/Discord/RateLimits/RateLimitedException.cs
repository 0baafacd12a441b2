namespace CoalitionBot.Discord.RateLimits;

/// Discord asked us to wait longer than a request is worth holding (a poll, a digest's refresh):
/// the request is not sent, and the caller treats it as any "Discord cannot be asked now".
internal sealed class RateLimitedException(string route, TimeSpan wait)
    : HttpRequestException($"Discord asked us to wait {wait.TotalSeconds:0} s before calling {route} again; not sent now.")
{
    public TimeSpan Wait { get; } = wait;
}
