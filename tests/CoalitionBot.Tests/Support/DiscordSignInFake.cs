using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.Types;

namespace CoalitionBot.Tests.Support;

/// Discord's OAuth2 side, on a <see cref="GuildFake"/>'s WireMock server (discord-spec.md §10.1):
/// the authorization page (whose one link, "Autoriser", goes back as Discord does once a person
/// clicks "Authorize"), the code exchange with HTTP Basic client authentication, users/@me with the
/// access token, and the token's revocation. Codes are single use; a wrong code, a reused one or a
/// wrong redirect_uri gets Discord's 400 invalid_grant, wrong client credentials its 401 invalid_client.
public sealed class DiscordSignInFake
{
    public const string ClientSecret = "test-client-secret-Zx8vQ2mK7pL4";
    public const string RedirectUri = "https://localhost/admin/signin/discord/callback";
    public const string AuthorizePath = "/oauth2/authorize";

    private readonly GuildFake guild;
    private readonly string applicationId;
    private readonly ConcurrentDictionary<string, FakeUser> codes = new();
    private readonly ConcurrentDictionary<string, FakeUser> accessTokens = new();
    private int issued;

    public DiscordSignInFake(GuildFake guild, string applicationId = Payloads.ApplicationId, string redirectUri = RedirectUri)
    {
        this.guild = guild;
        this.applicationId = applicationId;
        ExpectedRedirectUri = redirectUri;
        Map();
    }

    /// The redirect_uri the exchange must carry (as the authorization request did).
    public string ExpectedRedirectUri { get; set; }

    /// The person the authorization page signs in; null: they click "Cancel" (error=access_denied).
    public FakeUser? AuthorizeAs { get; set; }

    public string AuthorizeUrl => guild.Server.Url + AuthorizePath;

    /// Every code handed out so far.
    public ConcurrentBag<string> IssuedCodes { get; } = [];

    /// Access tokens revoked so far.
    public ConcurrentBag<string> Revoked { get; } = [];

    /// Access tokens handed out so far.
    public IReadOnlyCollection<string> AccessTokens => [.. accessTokens.Keys];

    /// Every setting sign-in needs, for this fake (on top of the TestApp's Discord settings).
    public Dictionary<string, string?> Settings() => new()
    {
        ["Discord:ClientSecret"] = ClientSecret,
        ["Discord:RedirectUri"] = ExpectedRedirectUri,
        ["Discord:AuthorizeUrl"] = AuthorizeUrl,
    };

    /// A fresh single-use code that signs in <paramref name="user"/>, as Discord puts it in the redirect.
    public string CodeFor(FakeUser user)
    {
        var code = "code" + Interlocked.Increment(ref issued).ToString(System.Globalization.CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..20];
        codes[code] = user;
        IssuedCodes.Add(code);
        return code;
    }

    /// users/@me as Discord answers it for this user.
    public static JsonObject Me(FakeUser user)
    {
        var me = Payloads.User(user);
        me["mfa_enabled"] = false;
        me["locale"] = "fr";
        me["premium_type"] = 0;
        return me;
    }

    private void Map()
    {
        // The consent screen: one link, "Autoriser", back to redirect_uri with a code and the state given
        // (or with error=access_denied when nobody is to be signed in). The browser leaves it by a
        // navigation this page starts, as on Discord, so the way back is a cross-site navigation.
        guild.Answer(Request.Create().WithPath(AuthorizePath).UsingGet(), request =>
        {
            var query = request.Query ?? new Dictionary<string, WireMockList<string>>();
            string Param(string name) => query.TryGetValue(name, out var values) ? values.FirstOrDefault() ?? "" : "";
            var back = Param("redirect_uri");
            var state = Uri.EscapeDataString(Param("state"));
            var location = AuthorizeAs is { } user
                ? $"{back}?code={Uri.EscapeDataString(CodeFor(user))}&state={state}"
                : $"{back}?error=access_denied&error_description=The+resource+owner+or+authorization+server+denied+the+request&state={state}";
            var page = $"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Discord</title></head><body><main><h1>Autoriser CoalitionBot</h1><p><a id="authorize" href="{System.Net.WebUtility.HtmlEncode(location)}">Autoriser</a></p></main></body></html>""";
            var response = new ResponseMessage
            {
                StatusCode = 200,
                BodyData = new WireMock.Util.BodyData { BodyAsString = page, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
            };
            response.AddHeader("Content-Type", "text/html; charset=utf-8");
            return response;
        });

        guild.Answer(Request.Create().WithPath(GuildFake.ApiPath + "/oauth2/token").UsingPost(), request =>
        {
            if (!HasClientCredentials(request))
            {
                return GuildFake.Json(401, new JsonObject { ["error"] = "invalid_client" });
            }

            var form = Form(request);
            if (form.GetValueOrDefault("grant_type") != "authorization_code"
                || form.GetValueOrDefault("redirect_uri") != ExpectedRedirectUri
                || !codes.TryRemove(form.GetValueOrDefault("code") ?? "", out var user))
            {
                return GuildFake.Json(400, new JsonObject { ["error"] = "invalid_grant", ["error_description"] = "Invalid \"code\" in request." });
            }

            var token = "access" + Guid.NewGuid().ToString("N");
            accessTokens[token] = user;
            return GuildFake.Ok(new JsonObject
            {
                ["token_type"] = "Bearer",
                ["access_token"] = token,
                ["expires_in"] = 604800,
                ["refresh_token"] = "refresh" + Guid.NewGuid().ToString("N"),
                ["scope"] = "identify",
            });
        });

        guild.Answer(Request.Create().WithPath(GuildFake.ApiPath + "/users/@me").UsingGet(), request =>
        {
            var header = request.Headers?.TryGetValue("Authorization", out var values) == true ? values.FirstOrDefault() ?? "" : "";
            return header.StartsWith("Bearer ", StringComparison.Ordinal) && accessTokens.TryGetValue(header["Bearer ".Length..], out var user) && !Revoked.Contains(header["Bearer ".Length..])
                ? GuildFake.Ok(Me(user))
                : GuildFake.Json(401, Payloads.Error(0, "401: Unauthorized"));
        });

        guild.Answer(Request.Create().WithPath(GuildFake.ApiPath + "/oauth2/token/revoke").UsingPost(), request =>
        {
            if (!HasClientCredentials(request))
            {
                return GuildFake.Json(401, new JsonObject { ["error"] = "invalid_client" });
            }

            if (Form(request).GetValueOrDefault("token") is { } token)
            {
                Revoked.Add(token);
            }

            return GuildFake.Ok(new JsonObject());
        });
    }

    private bool HasClientCredentials(IRequestMessage request)
    {
        var header = request.Headers?.TryGetValue("Authorization", out var values) == true ? values.FirstOrDefault() ?? "" : "";
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(applicationId + ":" + ClientSecret));
        return header == expected;
    }

    private static Dictionary<string, string> Form(IRequestMessage request) =>
        (request.Body ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0].Replace('+', ' ')), pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1].Replace('+', ' ')) : "");
}
