using CoalitionBot.Digest;
using CoalitionBot.Discord;
using CoalitionBot.Mail;
using CoalitionBot.Monitoring;
using CoalitionBot.Summarization;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Admin;

/// A feature on or off, with why: in English for logs and /healthz, in French for the admin page.
internal sealed record FeatureState(string Name, bool Enabled, string Detail, string FrenchDetail);

/// What runs and what is switched off for lack of configuration, said once at start and shown by /healthz.
internal sealed class FeatureStates(
    IOptions<DiscordOptions> discord,
    IOptions<SmtpOptions> smtp,
    IOptions<DigestOptions> digest,
    IOptions<AdminOptions> admin,
    IOptions<MonitoringOptions> monitoring,
    IOptions<SummarizationOptions> summarization)
{
    public IReadOnlyList<FeatureState> Compute()
    {
        var d = discord.Value;
        return
        [
            d.HasPublicKey
                ? new("interactions", true, "signed requests are verified", "les requêtes signées sont vérifiées")
                : new("interactions", false, "Discord:PublicKey is not set: POST /interactions answers 503", "Discord:PublicKey manque : POST /interactions répond 503"),
            d.GuildSnowflake is not null
                ? new("commands", true, "serving one server", "au service d'un serveur")
                : new("commands", false, "Discord:GuildId is not set: commands answer that the bot is not configured", "Discord:GuildId manque : les commandes répondent que le bot n'est pas configuré"),
            d.HasBotToken && d.GuildSnowflake is not null
                ? new("polling", true, "reading the server over Discord's REST API", "lecture du serveur par l'API REST de Discord")
                : new("polling", false, d.HasBotToken ? "Discord:GuildId is not set: polling is off" : "Discord:BotToken is not set: polling is off", d.HasBotToken ? "Discord:GuildId manque : pas de collecte" : "Discord:BotToken manque : pas de collecte"),
            smtp.Value.IsConfigured
                ? new("mail", true, "sent through the configured SMTP server", "envoyé par le serveur SMTP configuré")
                : new("mail", true, "Smtp:Host is not set: mail is written as .eml files to data/outbox/", "Smtp:Host manque : les mails sont écrits en fichiers .eml dans data/outbox/"),
            string.IsNullOrWhiteSpace(digest.Value.To)
                ? new("digest", false, "Digest:To is not set: no digest is addressed", "Digest:To manque : le résumé n'a pas de destinataire")
                : new("digest", true, $"daily at {digest.Value.SendAt} ({digest.Value.TimeZone})", $"chaque jour à {digest.Value.SendAt} ({digest.Value.TimeZone})"),
            admin.Value.IsEnabled
                ? new("admin", true, "admin API and page behind Admin:Token", "page et API d'administration protégées par Admin:Token")
                : new("admin", false, "Admin:Token is not set: the admin API and page are off", "Admin:Token manque : pas de page ni d'API d'administration"),
            string.IsNullOrWhiteSpace(monitoring.Value.PushUrl)
                ? new("monitoring", false, "Monitoring:PushUrl is not set: no push to Uptime Kuma", "Monitoring:PushUrl manque : rien n'est signalé à Uptime Kuma")
                : new("monitoring", true, "push to Uptime Kuma after each poll and digest", "signal à Uptime Kuma après chaque collecte et chaque résumé"),
            summarization.Value.IsConfigured
                ? new("summarization", true, $"abstract by {summarization.Value.Model} when switched on on the admin page", $"résumé par {summarization.Value.Model} quand il est activé sur la page d'administration")
                : new("summarization", false, "Summarization:Endpoint is not set: no abstract by a language model", "Summarization:Endpoint manque : pas de résumé par un modèle de langue"),
        ];
    }
}
