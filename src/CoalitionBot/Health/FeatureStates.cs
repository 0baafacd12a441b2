using CoalitionBot.Admin;
using CoalitionBot.Digest;
using CoalitionBot.Discord;
using CoalitionBot.Mail;
using CoalitionBot.Monitoring;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Health;

internal sealed record FeatureState(string Name, bool Enabled, string Detail);

/// What runs and what is switched off for lack of configuration, said once at start and shown by /healthz.
internal sealed class FeatureStates(
    IOptions<DiscordOptions> discord,
    IOptions<SmtpOptions> smtp,
    IOptions<DigestOptions> digest,
    IOptions<AdminOptions> admin,
    IOptions<MonitoringOptions> monitoring)
{
    public IReadOnlyList<FeatureState> Compute()
    {
        var d = discord.Value;
        return
        [
            d.HasPublicKey
                ? new("interactions", true, "signed requests are verified")
                : new("interactions", false, "Discord:PublicKey is not set: POST /interactions answers 503"),
            d.GuildSnowflake is not null
                ? new("commands", true, "serving one server")
                : new("commands", false, "Discord:GuildId is not set: commands answer that the bot is not configured"),
            d.HasBotToken && d.GuildSnowflake is not null
                ? new("polling", true, "reading the server over Discord's REST API")
                : new("polling", false, d.HasBotToken ? "Discord:GuildId is not set: polling is off" : "Discord:BotToken is not set: polling is off"),
            smtp.Value.IsConfigured
                ? new("mail", true, "sent through the configured SMTP server")
                : new("mail", true, "Smtp:Host is not set: mail is written as .eml files to data/outbox/"),
            string.IsNullOrWhiteSpace(digest.Value.To)
                ? new("digest", false, "Digest:To is not set: no digest is addressed")
                : new("digest", true, $"daily at {digest.Value.SendAt} ({digest.Value.TimeZone})"),
            admin.Value.IsEnabled
                ? new("admin", true, "admin API and page behind Admin:Token")
                : new("admin", false, "Admin:Token is not set: the admin API and page are off"),
            string.IsNullOrWhiteSpace(monitoring.Value.PushUrl)
                ? new("monitoring", false, "Monitoring:PushUrl is not set: no push to Uptime Kuma")
                : new("monitoring", true, "push to Uptime Kuma after each poll and digest"),
        ];
    }
}
