using System.Text.Json.Serialization;
using CoalitionBot.Operations;
using CoalitionBot.Digest;
using CoalitionBot.Discord;
using CoalitionBot.Mail;
using CoalitionBot.Monitoring;
using CoalitionBot.Summarization;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Admin;

/// A feature on or off, with why: in English for logs and /healthz, in the reader's language on the admin page.
internal sealed record FeatureState(string Name, bool Enabled, [property: JsonIgnore] HealthMessage Message)
{
    public string Detail => Message(HealthTexts.English);

    /// The admin API's status keeps its frenchDetail field.
    public string FrenchDetail => Message(HealthTexts.French);
}

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
                ? new("interactions", true, t => t.InteractionsOn)
                : new("interactions", false, t => t.InteractionsOff),
            d.GuildSnowflake is not null
                ? new("commands", true, t => t.CommandsOn)
                : new("commands", false, t => t.CommandsOff),
            d.HasBotToken && d.GuildSnowflake is not null
                ? new("polling", true, t => t.PollingOn)
                : new("polling", false, d.HasBotToken ? t => t.PollingNoGuild : t => t.PollingNoToken),
            smtp.Value.IsConfigured
                ? new("mail", true, t => t.MailSmtp)
                : new("mail", true, t => t.MailOutbox),
            string.IsNullOrWhiteSpace(digest.Value.To)
                ? new("digest", false, t => t.DigestFeatureOff)
                : new("digest", true, t => HealthTexts.Format(t.DigestFeatureOnFormat, digest.Value.SendAt, digest.Value.TimeZone)),
            (admin.Value.IsEnabled, d.HasSignIn) switch
            {
                (true, true) => new("admin", true, t => t.AdminWithDiscord),
                (true, false) => new("admin", true, t => t.AdminOn),
                (false, true) => new("admin", true, t => t.AdminDiscordOnly),
                _ => new("admin", false, t => t.AdminOff),
            },
            string.IsNullOrWhiteSpace(monitoring.Value.PushUrl)
                ? new("monitoring", false, t => t.MonitoringOff)
                : new("monitoring", true, t => t.MonitoringOn),
            summarization.Value.IsConfigured
                ? new("summarization", true, t => HealthTexts.Format(t.SummarizationOnFormat, summarization.Value.Model))
                : new("summarization", false, t => t.SummarizationOff),
        ];
    }
}
