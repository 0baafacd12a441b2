namespace CoalitionBot.Discord.Models;

internal sealed record Role(ulong Id, string Name, int Position = 0, string? Permissions = null);
