using CoalitionBot.Configuration;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Discord;

internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        List<string> failures = [];
        if (options.HasPublicKey && !ConfigurationChecks.IsHex(options.PublicKey!.Trim(), 64))
        {
            failures.Add("Discord:PublicKey must be the application's public key: 64 hexadecimal characters.");
        }

        if (!string.IsNullOrWhiteSpace(options.ApplicationId) && !ConfigurationChecks.IsSnowflake(options.ApplicationId))
        {
            failures.Add("Discord:ApplicationId must be a Discord id (digits only).");
        }

        if (!string.IsNullOrWhiteSpace(options.GuildId) && !ConfigurationChecks.IsSnowflake(options.GuildId))
        {
            failures.Add("Discord:GuildId must be a Discord server id (digits only).");
        }

        if (options.HasBotToken && options.BotToken!.Any(char.IsWhiteSpace))
        {
            failures.Add("Discord:BotToken must not contain spaces (give the token alone, without the \"Bot \" prefix).");
        }

        if (!ConfigurationChecks.IsHttpUrl(options.ApiBaseUrl))
        {
            failures.Add("Discord:ApiBaseUrl must be an absolute http(s) URL.");
        }

        if (!ConfigurationChecks.IsHttpUrl(options.AuthorizeUrl))
        {
            failures.Add("Discord:AuthorizeUrl must be an absolute http(s) URL.");
        }

        ValidateSignIn(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// "Sign in with Discord" is on with the client secret; then the redirect URL and the bot's id,
    /// token and server are needed too, and half of it stops the start rather than failing at the first sign-in.
    private static void ValidateSignIn(DiscordOptions options, List<string> failures)
    {
        if (!string.IsNullOrWhiteSpace(options.ClientSecret) && options.ClientSecret.Trim().Any(char.IsWhiteSpace))
        {
            failures.Add("Discord:ClientSecret must not contain spaces (copy it from the Developer Portal, OAuth2 page).");
        }

        if (!string.IsNullOrWhiteSpace(options.RedirectUri) && !IsCallbackUrl(options.RedirectUri.Trim()))
        {
            failures.Add($"Discord:RedirectUri must be the admin page's callback, https://DOMAIN{CallbackPath} (http only on localhost), as listed in the Developer Portal's OAuth2 redirects.");
        }

        // The redirect URL alone is harmless (docker-compose.yml derives it from DOMAIN): the secret turns sign-in on.
        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            return;
        }

        var missing = options.SignInSettings.Where(setting => string.IsNullOrWhiteSpace(setting.Value)).Select(setting => setting.Key).ToList();
        if (missing.Count > 0)
        {
            failures.Add($"Discord:ClientSecret turns on sign-in with Discord, which also needs {string.Join(", ", missing)} (or leave Discord:ClientSecret empty to sign in with Admin:Token only).");
        }
    }

    /// The path the admin page's sign-in answers on (Admin/AdminSignIn.cs).
    public const string CallbackPath = "/admin/signin/discord/callback";

    private static bool IsCallbackUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        && uri.AbsolutePath == CallbackPath
        && uri.Query.Length == 0
        && uri.Fragment.Length == 0
        && uri.UserInfo.Length == 0;
}
