using CoalitionBot.Activity;
using CoalitionBot.Digest;
using CoalitionBot.Digest.Rendering;
using CoalitionBot.Discord.Models;
using CoalitionBot.Localization;
using CoalitionBot.Storage;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Interactions.Commands;

/// /resume [channel] [public]: what happened since the last digest, as embeds; private unless asked.
/// The model's abstract heads it when moderators have it on, under the same rules as the mail's.
/// When nothing happened, it says when the last digest went out and shows its highlights ("À la une").
internal sealed class ResumeCommand(RecentActivity activity, IDigestAbstracts abstracts, IOptions<LocaleOptions> locale, ServerNameSource serverName, SettingsStore settings) : ISlashCommand
{
    public string Name => CommandCatalog.Resume;

    public TimeSpan? Cooldown => MemberCooldowns.Costly;

    public ValueTask<CommandReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!settings.Switches().Summaries)
        {
            return ValueTask.FromResult(CommandReply.Private(context.Texts.SummariesOff));
        }

        var channelId = context.SnowflakeOption(CommandCatalog.ChannelOption);
        var channelName = channelId is { } id ? context.ResolvedChannel(id)?.Name : null;
        var isPublic = context.Option(CommandCatalog.PublicOption)?.Value is { ValueKind: System.Text.Json.JsonValueKind.True };
        var language = context.Texts.Language;
        return ValueTask.FromResult(CommandReply.Later(
            async token =>
            {
                var digest = await activity.SinceLastDigestAsync(channelId, token);
                var texts = ActivityTexts.For(language);
                var render = new DigestRenderContext(DigestTexts.For(language), serverName.Current, locale.Value.GetZone());
                if (!digest.IsEmpty)
                {
                    digest = digest with { Abstract = (await abstracts.WriteAsync(digest, render, AbstractUse.Resume, token)).Abstract };
                }

                var title = channelId is null ? texts.ResumeTitle : string.Format(render.Texts.Culture, texts.ResumeChannelTitleFormat, channelName ?? "?");
                // Nothing new: when the last digest went out, and what it put first.
                if (digest.IsEmpty && activity.LastSent() is { } last)
                {
                    return new DeferredAnswer(new WebhookMessageEdit(Embeds: DigestEmbedRenderer.RenderNothingNew(last, render, title), AllowedMentions: AllowedMentions.None), []);
                }

                var messages = DigestEmbedRenderer.RenderMessages(digest, render, title, texts.NothingNew, EmbedBudget.MaxMessages);
                return new DeferredAnswer(
                    new WebhookMessageEdit(Embeds: messages[0], AllowedMentions: AllowedMentions.None),
                    [.. messages.Skip(1).Select(embeds => new WebhookMessageCreate(Embeds: embeds, AllowedMentions: AllowedMentions.None))]);
            },
            ephemeral: !isPublic));
    }
}
