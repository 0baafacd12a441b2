namespace CoalitionBot.Discord.Models;

/// Discord's answer to an authorization-code exchange (POST oauth2/token; discord-spec.md §10.1).
/// Only the access token is used, once, then revoked; the refresh token is never kept.
internal sealed record OAuthToken(string AccessToken, string TokenType, int? ExpiresIn = null, string? Scope = null);
