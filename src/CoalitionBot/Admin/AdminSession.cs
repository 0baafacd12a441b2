using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Admin;

/// The admin page's sign-in cookie: a value derived from the token, so it stays valid across
/// restarts and stops being valid the moment the token changes. The token itself never travels
/// in a cookie.
internal sealed class AdminSession(IOptions<AdminOptions> options)
{
    public const string CookieName = "coalitionbot_admin";

    public bool IsValidToken(string? given) =>
        options.Value.IsEnabled && CryptographicOperations.FixedTimeEquals(Hash(given ?? ""), Hash(options.Value.Token!.Trim()));

    public bool IsSignedIn(HttpContext context) =>
        options.Value.IsEnabled
        && context.Request.Cookies.TryGetValue(CookieName, out var cookie)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie ?? ""), Encoding.ASCII.GetBytes(CookieValue()));

    public void SignIn(HttpContext context) =>
        context.Response.Cookies.Append(CookieName, CookieValue(), CookieOptions(context));

    public static void SignOut(HttpContext context) => context.Response.Cookies.Delete(CookieName, CookieOptions(context));

    private static CookieOptions CookieOptions(HttpContext context) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = "/admin",
        MaxAge = TimeSpan.FromDays(30),
        IsEssential = true,
    };

    private string CookieValue() =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.Token!.Trim()), "coalitionbot-admin-session-v1"u8))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value.Trim()));
}
