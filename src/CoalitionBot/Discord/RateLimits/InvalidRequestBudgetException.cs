namespace CoalitionBot.Discord.RateLimits;

/// Too many 401/403/429 answers in the last ten minutes: we stop asking rather than earn a ban.
/// An <see cref="HttpRequestException"/>, since for callers it means the same: Discord cannot be asked now.
internal sealed class InvalidRequestBudgetException(int count, TimeSpan window)
    : HttpRequestException($"{count} requests were refused by Discord (401/403/429) in the last {window.TotalMinutes:0} minutes; requests are held back until that count drops.");
