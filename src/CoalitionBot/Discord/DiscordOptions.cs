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

    public bool HasPublicKey => !string.IsNullOrWhiteSpace(PublicKey);

    public bool HasBotToken => !string.IsNullOrWhiteSpace(BotToken);

    public ulong? GuildSnowflake => ParseSnowflake(GuildId);

    public ulong? ApplicationSnowflake => ParseSnowflake(ApplicationId);

    private static ulong? ParseSnowflake(string? value) =>
        ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
