namespace CoalitionBot.Discord.Models;

/// The parts of Get Guild the bot reads: the server's name, its roles (@everyone's id is the server's)
/// and its owner (who holds every permission).
internal sealed record Guild(ulong Id, string Name, IReadOnlyList<Role> Roles, ulong? OwnerId = null);
