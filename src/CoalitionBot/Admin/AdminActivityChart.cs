using System.Globalization;
using CoalitionBot.Activity;
using CoalitionBot.Templates;

namespace CoalitionBot.Admin;

/// The admin page's activity: the same bars as /report's PNG, as inline SVG (no script, no image
/// request, so the page's Content-Security-Policy stays as it is). Each bar says its figure on hover
/// (an SVG title), and the whole chart has a text alternative.
internal static class AdminActivityChart
{
    private const int Width = 600;
    private const int Height = 150;
    private const int Margin = 4;

    public static Html Section(ActivityReport month, ActivityReport year, ActivityTexts texts, CultureInfo culture, string dateFormat) =>
        Html.Of($"""
            <section id="activity"><h2>{string.Format(culture, texts.ReportTitleFormat, texts.Month)}</h2>{Svg(month, texts, culture, dateFormat)}
            <h2>{string.Format(culture, texts.ReportTitleFormat, texts.Year)}</h2>{Svg(year, texts, culture, dateFormat)}</section>
            """);

    public static Html Svg(ActivityReport report, ActivityTexts texts, CultureInfo culture, string dateFormat)
    {
        var buckets = report.Buckets;
        var top = Math.Max(1, ActivityChart.Scale(buckets.Count == 0 ? 0 : buckets.Max(b => b.Messages)));
        var slot = (Width - (2.0 * Margin)) / Math.Max(1, buckets.Count);
        var perMonth = report.Period == ReportPeriod.Year;
        var label = string.Format(culture, texts.ChartDescriptionFormat, perMonth ? texts.PerMonth : texts.PerDay, report.From.ToString(dateFormat, culture), report.To.ToString(dateFormat, culture));
        var bars = buckets.Select((bucket, i) =>
        {
            var x = Margin + (i * slot) + (slot * 0.1);
            var width = slot * 0.8;
            var name = bucket.From.ToString(perMonth ? texts.MonthFormat : "d MMM", culture);
            if (!bucket.Known)
            {
                return Html.Of($"""<rect class="unknown" x="{x:0.#}" y="{Margin}" width="{width:0.#}" height="{Height - (2 * Margin)}" fill="none" stroke="#b0b0b8" stroke-dasharray="4 3"><title>{name} — –</title></rect>""");
            }

            var height = Math.Max(bucket.Messages > 0 ? 2 : 1, (Height - (2.0 * Margin)) * bucket.Messages / top);
            return Html.Of($"""<rect class="bar" data-messages="{bucket.Messages}" x="{x:0.#}" y="{Height - Margin - height:0.#}" width="{width:0.#}" height="{height:0.#}" fill="#3c45a5"><title>{name} — {bucket.Messages.ToString(culture)}</title></rect>""");
        });
        var grid = Enumerable.Range(0, 5).Select(line =>
        {
            var y = Height - Margin - ((Height - (2.0 * Margin)) * line / 4);
            return Html.Of($"""<line x1="{Margin}" x2="{Width - Margin}" y1="{y:0.#}" y2="{y:0.#}" stroke="#ddd"/>""");
        });
        return Html.Of($"""
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {Width} {Height}" width="100%" role="img" aria-label="{label}"><title>{label}</title>{Html.Concat(grid)}{Html.Concat(bars)}</svg>
            <p><small>{label} · {report.Messages.ToString(culture)} messages · max {top.ToString(culture)}</small></p>
            """);
    }
}
