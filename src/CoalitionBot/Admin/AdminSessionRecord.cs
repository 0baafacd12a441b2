namespace CoalitionBot.Admin;

/// A sign-in session as LiteDB keeps it. The cookie carries a random id; the database keeps only its
/// hash, so a copy of the file signs nobody in.
internal sealed class AdminSessionRecord
{
    /// SHA-256 of the cookie's id, in hex.
    public string Id { get; set; } = "";

    /// How the moderator signed in: "token" or "discord".
    public string SignedInWith { get; set; } = AdminSession.SignedInWithToken;

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// Who signed in: their Discord id and name (none for the token).
    public ulong? UserId { get; set; }

    public string? UserName { get; set; }

    /// A Discord session: when Discord last confirmed membership and Manage Server.
    public DateTimeOffset CheckedAt { get; set; }

    /// HMAC of Admin:Token (Discord:ClientSecret for a Discord session) keyed by the session's own id:
    /// a new token (secret) ends those sessions, and the file alone gives nothing to test guesses against.
    public string TokenProof { get; set; } = "";
}

/// A session as the admin API lists it (never its id).
internal sealed record AdminSessionView(string SignedInWith, DateTimeOffset IssuedAt, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt);

internal sealed record AdminSessionList(IReadOnlyList<AdminSessionView> Sessions);

internal sealed record SessionsRevoked(int Revoked);
