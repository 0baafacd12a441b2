using System.Globalization;
using CoalitionBot.Digest;
using CoalitionBot.Localization;
using CoalitionBot.Operations;
using CoalitionBot.Storage;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Interactions.Commands;

/// /audience [role]: the role whose view decides which channels are mailed; without a role, the
/// current one and who chose it. Manage Server only, checked on every call; the choice is stored
/// with who made it and when, and overrides Digest:AudienceRole.
internal sealed class AudienceCommand(DigestAudience audience, IOptions<LocaleOptions> locale, ILogger<AudienceCommand> logger) : ISlashCommand
{
    public string Name => CommandCatalog.Audience;

    public ValueTask<CommandReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var texts = context.Texts;
        if (context.RefuseUnlessModerator(logger, Name) is { } refusal)
        {
            return ValueTask.FromResult(refusal);
        }

        if (context.Option(CommandCatalog.RoleOption) is null)
        {
            return ValueTask.FromResult(CommandReply.Private(Describe(audience.Current(), texts)));
        }

        if (context.SnowflakeOption(CommandCatalog.RoleOption) is not { } roleId)
        {
            return ValueTask.FromResult(CommandReply.Private(texts.AudienceRoleMissing));
        }

        var role = context.ResolvedRole(roleId);
        var reference = roleId.ToString(CultureInfo.InvariantCulture);
        var resolved = role is null ? null : new StoredRole { Id = role.Id, Name = role.Name, Position = role.Position, Permissions = Discord.Permissions.Parse(role.Permissions) };
        if (audience.Choose(reference, context.Actor, resolved) is not { } chosen)
        {
            return ValueTask.FromResult(CommandReply.Private(texts.Format(texts.AudienceUnknownRoleFormat, ChannelLabels.Escape(role?.Name ?? reference))));
        }

        Log.AudienceChanged(logger, chosen.Label, reference, context.Actor.Name);
        var (_, visible) = audience.Followed();
        var answer = texts.Format(texts.AudienceSetFormat, ChannelLabels.Escape(chosen.Label), visible);
        return ValueTask.FromResult(CommandReply.Private(WithProblem(answer, texts)));
    }

    private string Describe(AudienceView view, InteractionTexts texts)
    {
        var source = view.Choice is { } choice
            ? texts.Format(texts.AudienceChosenByFormat, ChannelLabels.Escape(texts.Who(choice.ChangedById, choice.ChangedBy)), TimeZoneInfo.ConvertTime(choice.ChangedAt, locale.Value.GetZone()))
            : texts.AudienceConfigured;
        return WithProblem($"**{texts.AudienceHeading}**{texts.Colon}{ChannelLabels.Escape(view.Label)} ({source})", texts);
    }

    private string WithProblem(string answer, InteractionTexts texts) =>
        audience.Problem() is { } problem ? answer + "\n⚠ " + ChannelLabels.Escape(problem(HealthTexts.For(texts.Language))) : answer;
}
