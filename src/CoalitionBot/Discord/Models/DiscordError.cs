namespace CoalitionBot.Discord.Models;

internal sealed record DiscordError(int? Code = null, string? Message = null, double? RetryAfter = null, bool? Global = null);
