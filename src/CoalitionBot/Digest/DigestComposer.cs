using CoalitionBot.Digest.Rendering;
using CoalitionBot.Localization;
using CoalitionBot.Storage;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Digest;

/// Builds and renders a slot's digest from the stored messages, without mailing it (also the
/// preview and the admin page).
internal sealed class DigestComposer(DigestSource source, ServerNameSource serverName, IDigestAbstracts abstracts, IOptions<DigestOptions> options)
{
    /// Replies to older messages look their original up; a day with more is rare and only loses names.
    public const int MaxReferencedLookups = 300;

    public ulong GuildId => source.GuildId;

    public (DailyDigest Digest, RenderedDigest Rendered) Render(DigestSlot slot)
    {
        var digest = Build(slot);
        return (digest, DigestRenderer.Render(digest, RenderContext()));
    }

    /// Builds, asks for the abstract (bounded by its own timeout; a day without messages has none), renders.
    public async Task<(DailyDigest Digest, RenderedDigest Rendered, AbstractResult Abstract)> ComposeAsync(DigestSlot slot, AbstractUse use, CancellationToken cancellationToken)
    {
        var digest = Build(slot);
        var context = RenderContext();
        var result = digest.IsEmpty ? AbstractResult.None("no messages") : await abstracts.WriteAsync(digest, context, use, cancellationToken);
        digest = digest with { Abstract = result.Abstract };
        return (digest, DigestRenderer.Render(digest, context), result);
    }

    /// The local days from <paramref name="last"/> back <paramref name="days"/> days that have stored messages, newest first, with their count.
    public IReadOnlyList<(DateOnly Day, int Messages)> DaysWithMessages(DateOnly last, int days)
    {
        var zone = options.Value.GetZone();
        return Enumerable.Range(0, Math.Max(0, days))
            .Select(back => last.AddDays(-back))
            .Select(day => (day, source.CountMessages(DigestPeriod.ForDay(day, zone))))
            .Where(d => d.Item2 > 0)
            .ToList();
    }

    public DigestRenderContext RenderContext() =>
        new(DigestTexts.For(Languages.FromCode(options.Value.Language)), serverName.Current, options.Value.GetZone());

    public DailyDigest Build(DigestSlot slot)
    {
        var settings = new DigestSettings(SizeBudget: options.Value.MaxBytes);
        var previousCount = DigestBuilder.CountMessages(source.Request(slot.Previous) with { Settings = settings });
        var request = source.Request(slot.Period);
        var ids = request.Messages.Select(m => m.Id).ToHashSet();
        var referenced = request.Messages
            .Where(m => m.ReplyToMessageId is { } id && !ids.Contains(id))
            .Select(m => m.ReplyToMessageId!.Value)
            .Distinct()
            .Take(MaxReferencedLookups)
            .Select(source.Find)
            .OfType<StoredMessage>()
            .ToList();
        return DigestBuilder.Build(request with { PreviousDayMessages = previousCount, Settings = settings, Referenced = referenced });
    }
}
