using System.Globalization;
using CoalitionBot.Digest;
using CoalitionBot.Templates;

namespace CoalitionBot.Admin;

/// The preview page's HTML: the day's choice, what the digest would be (subject, size against the
/// budget, what the budget cut), its HTML part in a sandboxed iframe and its text part. Every value
/// is encoded (<see cref="Html"/>); the mail's own HTML never enters this page, only the iframe.
internal static class AdminPreviewRenderer
{
    private const string Style = """
        iframe{display:block;width:100%;height:70vh;min-height:320px;border:1px solid #888;border-radius:6px;background:#fff;box-sizing:border-box}
        select{font:inherit;padding:6px;max-width:100%}ul{padding-left:1.2em}
        pre[data-preview-text]{overflow-wrap:anywhere}
        """;

    /// The dashboard's link to the preview.
    public static Html DashboardLink(AdminTexts texts) =>
        Html.Of($"""<p><a href="/admin/preview" data-preview-link>{PreviewTexts.For(texts.Language).Heading}</a></p>""");

    public static string Page(PreviewPageModel model)
    {
        var t = model.Texts;
        var preview = model.Preview;
        var shows = preview?.Rendered is not null && (preview.State == DayPreviewState.Ready || (preview.State == DayPreviewState.Empty && preview.SendsEmptyDays));
        var body = Html.Of($"""
            <p><a href="/admin">{t.Back}</a></p>
            <section><h2>{t.Heading}</h2>
            {DayForm(model)}
            {Html.If(model.Problem is not null, $"""<p class="bad" role="alert" data-preview-state="problem">{model.Problem}</p>""")}
            {(preview is null ? Html.Empty : Summary(model, preview, shows))}
            </section>
            {(shows ? Details(model, preview!) : Html.Empty)}
            """);
        return AdminPageRenderer.Page(model.Admin, body, Html.Of($"<style>{Html.Raw(Style)}</style>"));
    }

    /// What the page says about a day that has no digest to show, or the preview's first line.
    public static string StateSentence(DayPreview preview, PreviewTexts t, CultureInfo culture, TimeZoneInfo zone) => preview.State switch
    {
        DayPreviewState.NotComplete => string.Format(culture, t.NotCompleteFormat, preview.Day, preview.DueAt, preview.LastCompleteDay),
        DayPreviewState.NotCovered => string.Format(
            culture, t.NotCoveredFormat, preview.Day, preview.CoveredSince is { } since ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(since, zone).DateTime) : preview.Day),
        DayPreviewState.Empty => string.Format(culture, preview.SendsEmptyDays ? t.EmptyMailedFormat : t.EmptyFormat, preview.Day),
        _ => string.Format(culture, t.IntroFormat, preview.Day),
    };

    private static Html DayForm(PreviewPageModel model)
    {
        var t = model.Texts;
        var culture = model.Admin.Culture;
        var days = model.Days.ToList();
        if (model.Day is { } chosen && !days.Any(d => d.Day == chosen))
        {
            days.Add((chosen, -1));
            days = [.. days.OrderByDescending(d => d.Day)];
        }

        if (days.Count == 0)
        {
            return Html.Of($"<p><small>{t.NoDays}</small></p>");
        }

        return Html.Of($"""
            <form method="get" action="/admin/preview"><label>{t.DayLabel} <select name="day">
            {Html.Concat(days.Select(d => Html.Of($"""<option value="{d.Day:yyyy-MM-dd}"{Html.If(d.Day == model.Day, $" selected")}>{(d.Messages >= 0 ? string.Format(culture, t.DayOptionFormat, d.Day, d.Messages) : d.Day.ToString("dddd d MMMM yyyy", culture))}</option>""")))}
            </select></label> <button type="submit">{t.Show}</button></form>
            """);
    }

    private static Html Summary(PreviewPageModel model, DayPreview preview, bool shows)
    {
        var t = model.Texts;
        var culture = model.Admin.Culture;
        var sentence = StateSentence(preview, t, culture, model.Zone);
        var state = preview.State.ToString().ToLowerInvariant();
        if (!shows)
        {
            return Html.Of($"""<p role="status" data-preview-state="{state}">{sentence}</p>""");
        }

        var sent = preview.Record is { State: DigestState.Sent, SentAt: { } at } record
            ? Html.Of($"""<p data-preview-sent>{string.Format(culture, t.AlreadySentFormat, TimeZoneInfo.ConvertTime(at, model.Zone))}{Html.If(record.Html.Length > 0, $""" <a href="/admin/digests/{record.Id}">{t.AsMailed}</a>""")}</p>""")
            : Html.Empty;
        return Html.Of($"""
            <p role="status" data-preview-state="{state}">{sentence}</p>
            <p>{t.Subject}<strong data-preview-subject>{preview.Rendered!.Subject}</strong></p>
            <p data-preview-size="{preview.Bytes}" data-preview-budget="{preview.Budget}" data-preview-percent="{preview.Percent}">{string.Format(culture, t.SizeFormat, preview.Bytes, preview.Budget, preview.Percent)}</p>
            {Html.If(preview.Bytes > preview.Budget, $"""<p class="bad">{t.OverBudget}</p>""")}
            <p><small data-preview-abstract>{t.AbstractNote}</small></p>
            {sent}
            """);
    }

    private static Html Details(PreviewPageModel model, DayPreview preview)
    {
        var t = model.Texts;
        var culture = model.Admin.Culture;
        return Html.Of($"""
            {Cuts(model, preview.Cuts)}
            <section><h2>{t.HtmlHeading}</h2><iframe sandbox src="/admin/preview/{preview.Day:yyyy-MM-dd}/html" title="{string.Format(culture, t.IframeTitleFormat, preview.Day)}"></iframe></section>
            <section><h2 id="preview-text">{t.TextHeading}</h2><pre tabindex="0" aria-labelledby="preview-text" data-preview-text>{preview.Rendered!.Text}</pre></section>
            """);
    }

    private static Html Cuts(PreviewPageModel model, DigestCuts cuts)
    {
        var t = model.Texts;
        var culture = model.Admin.Culture;
        if (cuts.IsEmpty)
        {
            return Html.Of($"""<section data-cuts="none"><h2>{t.CutsHeading}</h2><p>{t.NothingCut}</p></section>""");
        }

        return Html.Of($"""
            <section data-cuts="some"><h2>{t.CutsHeading}</h2>
            {Html.If(cuts.Shortened.Count > 0, $"""<p>{t.ShortenedIntro}</p><ul data-cut="shortened">{Html.Concat(cuts.Shortened.Select(s => Html.Of($"<li>{string.Format(culture, t.ShortenedFormat, s.Channel, s.Kept, s.Omitted)}{(s.Important ? t.ImportantMark : "")}</li>")))}</ul>""")}
            {Html.If(cuts.OnlyNamed.Count > 0, $"""<p>{t.OnlyNamedIntro}</p><ul data-cut="only-named">{Channels(cuts.OnlyNamed, t, culture)}</ul>""")}
            {Html.If(cuts.LeftOut.Count > 0, $"""<p>{t.LeftOutIntro}</p><ul data-cut="left-out">{Channels(cuts.LeftOut, t, culture)}</ul>""")}
            {Html.If(cuts.Truncated.Count > 0, $"""<p>{string.Format(culture, t.TruncatedIntroFormat, DigestSettings.Default.MaxMessageLength)}</p><ul data-cut="truncated">{Html.Concat(cuts.Truncated.Select(m => Html.Of($"""<li><a href="{m.JumpLink}">{string.Format(culture, t.TruncatedFormat, m.Author, m.LocalTime)}</a>{(m.Channel is { } channel ? " — #" + channel : "")}</li>""")))}</ul>""")}
            </section>
            """);
    }

    private static Html Channels(IReadOnlyList<ChannelActivity> channels, PreviewTexts t, CultureInfo culture) =>
        Html.Concat(channels.Select(c => Html.Of($"<li>{string.Format(culture, t.ChannelCountFormat, c.Name, c.Messages)}</li>")));
}

/// The preview page: the day shown (none when the asked one is not a day), the days that have
/// messages, the preview, or a sentence saying what went wrong.
internal sealed record PreviewPageModel(AdminTexts Admin, PreviewTexts Texts, TimeZoneInfo Zone)
{
    public DateOnly? Day { get; init; }

    public IReadOnlyList<(DateOnly Day, int Messages)> Days { get; init; } = [];

    public DayPreview? Preview { get; init; }

    public string? Problem { get; init; }
}
