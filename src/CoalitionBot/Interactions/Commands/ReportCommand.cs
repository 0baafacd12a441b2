using CoalitionBot.Activity;
using CoalitionBot.Digest;
using CoalitionBot.Digest.Rendering;
using CoalitionBot.Discord.Models;
using CoalitionBot.Localization;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Interactions.Commands;

/// /report period: activity over yesterday, the last 7 or 30 days or the last 12 months, from the
/// daily aggregates, against the period before; with a chart (a PNG attached to the edited answer)
/// and its figures as text beside it.
internal sealed class ReportCommand(ActivityReports reports, IOptions<LocaleOptions> locale, ServerNameSource serverName) : ISlashCommand
{
    public string Name => CommandCatalog.Report;

    public TimeSpan? Cooldown => MemberCooldowns.Costly;

    public ValueTask<CommandReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var period = context.StringOption(CommandCatalog.PeriodOption) switch
        {
            CommandCatalog.Week => ReportPeriod.Week,
            CommandCatalog.Month => ReportPeriod.Month,
            CommandCatalog.Year => ReportPeriod.Year,
            _ => ReportPeriod.Day,
        };
        var language = context.Texts.Language;
        return ValueTask.FromResult(CommandReply.Later(
            token =>
            {
                var report = reports.Report(period);
                var render = new DigestRenderContext(DigestTexts.For(language), serverName.Current, locale.Value.GetZone());
                var png = ActivityChart.Png(report.Buckets);
                var edit = new WebhookMessageEdit(
                    Embeds: DigestEmbedRenderer.Render(report, render, png is null ? null : ActivityChart.FileName),
                    AllowedMentions: AllowedMentions.None);
                return Task.FromResult(png is null
                    ? edit
                    : edit.WithFiles(new MessageFile(ActivityChart.FileName, "image/png", png, DigestEmbedRenderer.ChartDescription(report, render.Texts))));
            },
            ephemeral: true));
    }
}
