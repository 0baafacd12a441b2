using CoalitionBot.Activity;
using CoalitionBot.Digest;
using CoalitionBot.Digest.Rendering;
using CoalitionBot.Discord.Models;
using CoalitionBot.Localization;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Interactions.Commands;

/// /report period: activity over the last day, week or month, against the period before.
internal sealed class ReportCommand(RecentActivity activity, IOptions<LocaleOptions> locale, ServerNameSource serverName) : ISlashCommand
{
    public string Name => CommandCatalog.Report;

    public TimeSpan? Cooldown => MemberCooldowns.Costly;

    public ValueTask<CommandReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var period = context.StringOption(CommandCatalog.PeriodOption) switch
        {
            CommandCatalog.Week => ReportPeriod.Week,
            CommandCatalog.Month => ReportPeriod.Month,
            _ => ReportPeriod.Day,
        };
        var language = context.Texts.Language;
        return ValueTask.FromResult(CommandReply.Later(
            token =>
            {
                var report = activity.Report(period);
                var render = new DigestRenderContext(DigestTexts.For(language), serverName.Current, locale.Value.GetZone());
                return Task.FromResult(new WebhookMessageEdit(Embeds: DigestEmbedRenderer.Render(report, render), AllowedMentions: AllowedMentions.None));
            },
            ephemeral: true));
    }
}
