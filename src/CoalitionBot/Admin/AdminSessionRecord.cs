namespace CoalitionBot.Admin;

/// A sign-in session as LiteDB keeps it. The cookie carries a random id; the database keeps only its
/// hash, so a copy of the file signs nobody in.
internal sealed class AdminSessionRecord
{
    /// SHA-256 of the cookie's id, in hex.
    public string Id { get; set; } = "";

    /// How the moderator signed in: "token", or "discord".
    public string SignedInWith { get; set; } = AdminSession.SignedInWithToken;

    /// The signed-in person's Discord id, in digits; null for the token.
    public string? UserId { get; set; }

    /// The name the changes are recorded under: the Discord name, or "token".
    public string UserName { get; set; } = Storage.Actor.Token.Name;

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// A Discord session: when Discord last confirmed membership and Manage Server.
    public DateTimeOffset CheckedAt { get; set; }

    /// HMAC of Admin:Token (Discord:ClientSecret for a Discord session) keyed by the session's own id:
    /// a new token (secret) ends those sessions, and the file alone gives nothing to test guesses against.
    public string TokenProof { get; set; } = "";

    public Storage.Actor Actor() =>
        new(ulong.TryParse(UserId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null, UserName);
}

/// A session as the admin API lists it (never its id).
internal sealed record AdminSessionView(string SignedInWith, string Who, DateTimeOffset IssuedAt, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt);

internal sealed record AdminSessionList(IReadOnlyList<AdminSessionView> Sessions);

internal sealed record SessionsRevoked(int Revoked);
