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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
