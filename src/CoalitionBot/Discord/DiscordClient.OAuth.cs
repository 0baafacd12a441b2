using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CoalitionBot.Discord.Models;

namespace CoalitionBot.Discord;

/// The OAuth2 routes of "sign in with Discord" (discord-spec.md §10.1): the code is exchanged with the
/// application's own credentials (HTTP Basic), the person read with the access token (Bearer), and
/// the token revoked at once. Errors come as <see cref="DiscordApiException"/>, whose message never
/// carries the code, a token or the secret.
internal sealed partial class DiscordClient
{
    public async Task<OAuthToken> ExchangeCodeAsync(string code, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth2/token")
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "authorization_code"),
                new("code", code),
                new("redirect_uri", options.Value.RedirectUri?.Trim() ?? ""),
            ]),
        };
        request.Headers.Authorization = ClientCredentials();
        using var response = await SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, "POST oauth2/token", cancellationToken);
        return await response.Content.ReadFromJsonAsync(Json.OAuthToken, cancellationToken)
            ?? throw new JsonException("Discord answered null on POST oauth2/token");
    }

    /// The person who signed in (GET users/@me with their access token).
    public async Task<User> GetCurrentUserAsync(string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "users/@me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, "GET users/@me", cancellationToken);
        return await response.Content.ReadFromJsonAsync(Json.User, cancellationToken)
            ?? throw new JsonException("Discord answered null on GET users/@me");
    }

    /// Ends an access token the bot no longer needs (POST oauth2/token/revoke).
    public async Task RevokeTokenAsync(string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth2/token/revoke")
        {
            Content = new FormUrlEncodedContent([new("token", accessToken), new("token_type_hint", "access_token")]),
        };
        request.Headers.Authorization = ClientCredentials();
        using var response = await SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, "POST oauth2/token/revoke", cancellationToken);
    }

    /// RFC 6749 §2.3.1: the client id and secret, form-encoded, joined by a colon, in Base64.
    private AuthenticationHeaderValue ClientCredentials()
    {
        var id = Uri.EscapeDataString(options.Value.ApplicationId?.Trim() ?? "");
        var secret = Uri.EscapeDataString(options.Value.ClientSecret?.Trim() ?? "");
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(id + ":" + secret)));
    }
}
