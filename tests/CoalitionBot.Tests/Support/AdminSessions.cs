using CoalitionBot.Admin;
using CoalitionBot.Storage;
using Microsoft.AspNetCore.Http;

namespace CoalitionBot.Tests.Support;

/// Opens an admin page session straight through <see cref="AdminSession"/>, as a sign-in would,
/// for a given person: the tests of what a signed-in moderator does need not walk a sign-in.
internal static class AdminSessions
{
    /// The session cookie's value for a new session on behalf of <paramref name="who"/>: a Discord
    /// session when sign-in with Discord is configured (its proof needs the client secret), else a
    /// token session carrying that person.
    public static string Open(TestApp app, Actor who, string? signedInWith = null)
    {
        var context = new DefaultHttpContext();
        signedInWith ??= string.IsNullOrEmpty(app.Settings.GetValueOrDefault("Discord:ClientSecret")) ? AdminSession.SignedInWithToken : "discord";
        app.Get<AdminSession>().SignIn(context, who, signedInWith);
        var header = context.Response.Headers.SetCookie.ToString();
        var start = header.IndexOf(AdminSession.CookieName + "=", StringComparison.Ordinal) + AdminSession.CookieName.Length + 1;
        return header[start..header.IndexOf(';', start)];
    }

    /// A browser-like client (cookies kept, redirects not followed) signed in as <paramref name="who"/>.
    public static HttpClient ClientFor(TestApp app, Actor who, string? signedInWith = null)
    {
        var client = app.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{AdminSession.CookieName}={Open(app, who, signedInWith)}");
        return client;
    }
}
