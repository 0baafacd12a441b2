using SkiaSharp;

namespace CoalitionBot.Activity;

/// /report's chart: one bar per day (a week, a month) or per month (a year), drawn with SkiaSharp
/// into a PNG. No text in the picture: the image has no fonts in it (the runtime image has none),
/// and the figures go beside it in the embed. Days the bot did not read are drawn as an outline, not
/// as a zero.
internal static class ActivityChart
{
    public const int Width = 800;
    public const int Height = 300;
    public const string FileName = "activity.png";

    private const int Margin = 16;
    private static readonly SKColor Background = SKColors.White;
    private static readonly SKColor Bar = new(0x3C, 0x45, 0xA5);
    private static readonly SKColor Grid = new(0xDD, 0xDD, 0xE3);
    private static readonly SKColor Unknown = new(0xB0, 0xB0, 0xB8);

    /// The PNG, or null when there is nothing to draw (a one-day report).
    public static byte[]? Png(IReadOnlyList<ActivityBucket> buckets)
    {
        if (buckets.Count < 2)
        {
            return null;
        }

        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("SkiaSharp could not create a drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(Background);
        var top = Scale(buckets.Max(b => b.Messages));
        var plot = SKRect.Create(Margin, Margin, Width - (2 * Margin), Height - (2 * Margin));
        using (var grid = new SKPaint { Color = Grid, StrokeWidth = 1, IsAntialias = false })
        {
            for (var line = 0; line <= 4; line++)
            {
                var y = plot.Bottom - (plot.Height * line / 4f);
                canvas.DrawLine(plot.Left, y, plot.Right, y, grid);
            }
        }

        var slot = plot.Width / buckets.Count;
        var gap = Math.Max(1f, slot * 0.2f);
        using var fill = new SKPaint { Color = Bar, Style = SKPaintStyle.Fill, IsAntialias = true };
        using var outline = new SKPaint { Color = Unknown, Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = true, PathEffect = SKPathEffect.CreateDash([4, 3], 0) };
        for (var i = 0; i < buckets.Count; i++)
        {
            var left = plot.Left + (i * slot) + (gap / 2);
            var right = left + slot - gap;
            if (!buckets[i].Known)
            {
                canvas.DrawRect(new SKRect(left, plot.Top, right, plot.Bottom), outline);
                continue;
            }

            var height = top == 0 ? 0 : plot.Height * buckets[i].Messages / top;
            // A day with messages keeps a visible sliver; a quiet day is a flat line on the axis.
            height = buckets[i].Messages > 0 ? Math.Max(height, 2f) : 1f;
            canvas.DrawRoundRect(new SKRoundRect(new SKRect(left, plot.Bottom - height, right, plot.Bottom), 2), fill);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the chart.");
        return data.ToArray();
    }

    /// The top of the scale: the largest bar rounded up to 1, 2 or 5 times a power of ten, so the four
    /// grid lines fall on round numbers.
    public static int Scale(int largest)
    {
        if (largest <= 0)
        {
            return 0;
        }

        for (var power = 1; ; power *= 10)
        {
            foreach (var step in new[] { 1, 2, 5 })
            {
                if (step * power * 4 >= largest)
                {
                    return step * power * 4;
                }
            }
        }
    }
}
