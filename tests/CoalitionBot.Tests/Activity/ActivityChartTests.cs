using CoalitionBot.Activity;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Activity;

public sealed class ActivityChartTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);

    [Fact]
    public void The_chart_is_a_PNG_of_the_expected_size_with_one_bar_per_bucket_taller_for_more_messages()
    {
        int[] messages = [3, 40, 0, 12, 25, 7, 1];
        var buckets = messages.Select((m, i) => new ActivityBucket(Start.AddDays(i), Start.AddDays(i), m, 2, Known: true)).ToList();

        var png = ActivityChart.Png(buckets)!;

        var image = PngImage.Decode(png);
        Assert.Equal((ActivityChart.Width, ActivityChart.Height), (image.Width, image.Height));
        Assert.True(image.DistinctColours() > 3, "the chart is blank");
        var heights = Enumerable.Range(0, messages.Length).Select(i => BarHeight(image, buckets.Count, i)).ToList();
        Assert.Equal(1, heights.IndexOf(heights.Max()));
        Assert.True(heights[4] > heights[3] && heights[3] > heights[5] && heights[5] > heights[0], string.Join(",", heights));
    }

    [Fact]
    public void Months_the_bot_did_not_read_are_outlined_not_drawn_as_zero_and_a_day_alone_has_no_chart()
    {
        var buckets = Enumerable.Range(0, 12).Select(i => new ActivityBucket(Start.AddMonths(i), Start.AddMonths(i + 1).AddDays(-1), i < 4 ? 0 : 100 + i, 5, Known: i >= 4)).ToList();

        var image = PngImage.Decode(ActivityChart.Png(buckets)!);

        Assert.Equal(0, BarHeight(image, 12, 0));
        Assert.InRange(BarHeight(image, 12, 11), 140, 152);
        Assert.Null(ActivityChart.Png(buckets.Take(1).ToList()));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 4)]
    [InlineData(40, 40)]
    [InlineData(41, 80)]
    [InlineData(174, 200)]
    [InlineData(1_234, 2_000)]
    public void The_scale_rounds_up_to_four_round_steps(int largest, int top) => Assert.Equal(top, ActivityChart.Scale(largest));

    /// Pixels of the bar colour in the middle column of bucket <paramref name="index"/>.
    private static int BarHeight(PngImage image, int count, int index)
    {
        var slot = (ActivityChart.Width - 32f) / count;
        var x = (int)(16 + (index * slot) + (slot / 2));
        return Enumerable.Range(0, image.Height).Count(y => image.Rgb(x, y) == 0x3C45A5);
    }
}
