using System.Globalization;

namespace CoalitionBot.Discord;

internal sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    public string? PublicKey { get; set; }

    public string? ApplicationId { get; set; }

    public string? BotToken { get; set; }

    public string? GuildId { get; set; }

    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// The application's OAuth2 client secret, for moderators' "sign in with Discord" on the admin page.
    public string? ClientSecret { get; set; }

    /// Where Discord sends the browser back after sign-in, exactly as listed in the Developer Portal
    /// (https://DOMAIN/admin/signin/discord/callback).
    public string? RedirectUri { get; set; }

    /// Discord's authorization page; only tests change it.
    public string AuthorizeUrl { get; set; } = "https://discord.com/oauth2/authorize";

    public bool HasBotToken => !string.IsNullOrWhiteSpace(BotToken);

    /// Every setting "sign in with Discord" needs is there (the validator refuses half of them).
    public bool HasSignIn => SignInSettings.All(setting => !string.IsNullOrWhiteSpace(setting.Value));

    /// The settings "sign in with Discord" needs together, by key, with their values.
    public IEnumerable<(string Key, string? Value)> SignInSettings =>
    [
        ("Discord:ClientSecret", ClientSecret),
        ("Discord:RedirectUri", RedirectUri),
        ("Discord:ApplicationId", ApplicationId),
        ("Discord:BotToken", BotToken),
        ("Discord:GuildId", GuildId),
    ];

    public bool HasPublicKey => !string.IsNullOrWhiteSpace(PublicKey);

    public ulong? GuildSnowflake => ParseSnowflake(GuildId);

    public ulong? ApplicationSnowflake => ParseSnowflake(ApplicationId);

    private static ulong? ParseSnowflake(string? value) =>
        ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
