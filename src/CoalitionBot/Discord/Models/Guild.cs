namespace CoalitionBot.Discord.Models;

/// The parts of Get Guild the bot reads: the server's name and its roles (@everyone's id is the server's).
internal sealed record Guild(ulong Id, string Name, IReadOnlyList<Role> Roles);
