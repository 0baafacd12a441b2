using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CoalitionBot.Discord;
using CoalitionBot.Storage;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Admin;

/// The admin page's sign-in: a random session id in an HttpOnly, Secure, SameSite=Strict cookie,
/// the session itself on the server (LiteDB). A session lasts 12 hours from its last use, 7 days
/// at most; signing out ends it on the server, and "sign out everywhere" ends them all. The token
/// never travels in a cookie, nor anything derived from it. A session opened with Discord is proved
/// with the client secret instead (a new secret ends those), and is checked again with Discord now
/// and then (<see cref="DiscordSessionCheck"/>).
internal sealed class AdminSession(IOptions<AdminOptions> options, IOptions<DiscordOptions> discord, AdminSessionStore store, TimeProvider time)
{
    public const string CookieName = "coalitionbot_admin";
    public const string SignedInWithToken = "token";

    public static readonly TimeSpan IdleLifetime = TimeSpan.FromHours(12);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);

    /// A Discord session whose membership and Manage Server could not be checked for this long ends.
    public static readonly TimeSpan DiscordCheckGrace = TimeSpan.FromHours(1);

    /// The page exists with the token (the maintainer) or with sign-in with Discord (moderators).
    public bool IsPageEnabled => options.Value.IsEnabled || discord.Value.HasSignIn;

    /// Admin:Token is set: the API answers, and the page offers the token form.
    public bool HasToken => options.Value.IsEnabled;

    /// Last use is written at most this often, so reading the page does not write the database each time.
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);
    private const int IdBytes = 32;

    public bool IsValidToken(string? given) =>
        options.Value.IsEnabled && CryptographicOperations.FixedTimeEquals(Hash(given ?? ""), Hash(options.Value.Token!.Trim()));

    public bool IsSignedIn(HttpContext context) => Current(context) is not null;

    /// Who this browser's session belongs to, or null when it has none that is still valid.
    public Actor? SignedIn(HttpContext context) => Current(context)?.Actor();

    /// The stored session this browser's cookie names, when it is proved and not expired, whatever its
    /// last check with Discord (<see cref="DiscordSessionCheck"/> looks before the page does); nothing is changed.
    public AdminSessionRecord? Find(HttpContext context) =>
        IsPageEnabled && TryReadId(context, out var id) && store.Find(Key(id)) is { } session && IsProved(session, id, time.GetUtcNow()) ? session : null;

    /// This browser's session when it is valid (its last use is updated); an invalid one is deleted.
    private AdminSessionRecord? Current(HttpContext context)
    {
        if (!IsPageEnabled || !TryReadId(context, out var id))
        {
            return null;
        }

        var key = Key(id);
        if (store.Find(key) is not { } session)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (!IsProved(session, id, now) || (session.SignedInWith != SignedInWithToken && now - session.CheckedAt >= DiscordCheckGrace))
        {
            store.Delete(key);
            return null;
        }

        if (now - session.LastSeenAt >= TouchInterval)
        {
            session.LastSeenAt = now;
            session.ExpiresAt = Min(now + IdleLifetime, session.IssuedAt + MaxLifetime);
            store.Save(session);
        }

        return session;
    }

    /// Opens a session for this browser, on behalf of who signed in (the token's actor by default).
    public void SignIn(HttpContext context, Actor? who = null, string signedInWith = SignedInWithToken)
    {
        who ??= Actor.Token;
        var id = RandomNumberGenerator.GetBytes(IdBytes);
        var now = time.GetUtcNow();
        store.DeleteExpired(now);
        store.Save(new AdminSessionRecord
        {
            Id = Key(id),
            SignedInWith = signedInWith,
            UserId = who.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            UserName = who.Name,
            IssuedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + IdleLifetime,
            CheckedAt = now,
            TokenProof = Proof(id, signedInWith) ?? throw new InvalidOperationException($"No key to sign a {signedInWith} session with."),
        });
        context.Response.Cookies.Append(CookieName, Base64Url.EncodeToString(id), CookieOptions());
    }

    /// Ends this browser's session on the server, and forgets the cookie.
    public void SignOut(HttpContext context)
    {
        if (TryReadId(context, out var id))
        {
            store.Delete(Key(id));
        }

        context.Response.Cookies.Delete(CookieName, CookieOptions());
    }

    /// Ends every session, this one included. Returns how many there were.
    public int SignOutEverywhere(HttpContext? context = null)
    {
        if (context is not null)
        {
            context.Response.Cookies.Delete(CookieName, CookieOptions());
        }

        return store.DeleteAll();
    }

    public AdminSessionList List()
    {
        var now = time.GetUtcNow();
        return new AdminSessionList(store.All()
            .Where(s => s.ExpiresAt > now)
            .OrderBy(s => s.IssuedAt)
            .Select(s => new AdminSessionView(s.SignedInWith, s.UserName, s.IssuedAt, s.LastSeenAt, s.ExpiresAt))
            .ToList());
    }

    private static bool TryReadId(HttpContext context, out byte[] id)
    {
        id = new byte[IdBytes];
        return context.Request.Cookies.TryGetValue(CookieName, out var cookie)
            && cookie is { Length: 43 }
            && Base64Url.TryDecodeFromChars(cookie, id, out var written)
            && written == IdBytes;
    }

    private static CookieOptions CookieOptions() => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = "/admin",
        MaxAge = MaxLifetime,
        IsEssential = true,
    };

    /// Not expired, and its proof matches the secret its sign-in proved (still configured).
    private bool IsProved(AdminSessionRecord session, byte[] id, DateTimeOffset now) =>
        now < session.ExpiresAt
        && Proof(id, session.SignedInWith) is { } proof
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(session.TokenProof), Encoding.ASCII.GetBytes(proof));

    private static string Key(byte[] id) => Convert.ToHexStringLower(SHA256.HashData(id));

    /// HMAC of the secret its sign-in proved, keyed by the session's id: Admin:Token for the token,
    /// Discord:ClientSecret for Discord. Null when that secret is no longer configured.
    private string? Proof(byte[] id, string signedInWith)
    {
        var secret = signedInWith == SignedInWithToken ? options.Value.Token : discord.Value.HasSignIn ? discord.Value.ClientSecret : null;
        return string.IsNullOrWhiteSpace(secret) ? null : Convert.ToHexStringLower(HMACSHA256.HashData(id, Encoding.UTF8.GetBytes(secret.Trim())));
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value.Trim()));
}
