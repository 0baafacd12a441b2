using BenchmarkDotNet.Attributes;
using CoalitionBot.Digest;
using CoalitionBot.Digest.Rendering;
using CoalitionBot.Markup;
using CoalitionBot.Storage;

namespace CoalitionBot.Benchmarks.Micro;

/// The digest's cost (issue 7: 10,000 messages built and rendered, HTML + text, in ≤ 300 ms
/// allocating ≤ 100 MB), and the Discord markup renderer on one realistic message. One method per
/// size, so the report can find each by name.
[MemoryDiagnoser]
public class DigestBenchmarks
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
    private static readonly DateOnly Day = new(2026, 11, 23);
    private static readonly string[] Contents =
    [
        "Bonjour à tous ! **Réunion** jeudi à 19 h, ordre du jour : https://example.org/ag — merci <@{0}> 👍",
        "> Citation d'hier\nOui, d'accord avec ça. ||réponse secrète|| et `code` et __souligné__ :coalition:",
        "```\nligne 1\nligne 2\n```\nVoir <#{1}> et <@&{2}> pour la suite, ~~barré~~ *italique*.",
        "Courte réponse.",
        "Le compte rendu est prêt : <t:1795420800:F>, relu par <@!{0}>. <script>alert(1)</script> [lien](javascript:alert(1))",
    ];

    private DigestRequest small = null!;
    private DigestRequest medium = null!;
    private DigestRequest large = null!;
    private DigestRenderContext context = null!;
    private MarkupNames names = null!;
    private MarkupContext markup = null!;

    [GlobalSetup]
    public void Setup()
    {
        context = new DigestRenderContext(DigestTexts.French, "Coalition FFJ", Brussels);
        markup = new MarkupContext(DigestTexts.French, Brussels);
        small = Request(1_000);
        medium = Request(10_000);
        large = Request(100_000);
        names = new MarkupNames(new Dictionary<ulong, string> { [1001] = "Camille" }, new Dictionary<ulong, string> { [3] = "bureau" }, new Dictionary<ulong, string> { [100] = "général" });
    }

    [Benchmark(Description = "digest build, 10,000 messages")]
    public int Build10k() => DigestBuilder.Build(medium).Sections.Count;

    [Benchmark(Description = "digest build + render HTML + text, 1,000 messages")]
    public int BuildAndRender1k() => Length(DigestRenderer.Render(DigestBuilder.Build(small), context));

    [Benchmark(Description = "digest build + render HTML + text, 10,000 messages")]
    public int BuildAndRender10k() => Length(DigestRenderer.Render(DigestBuilder.Build(medium), context));

    [Benchmark(Description = "digest build + render HTML + text, 100,000 messages")]
    public int BuildAndRender100k() => Length(DigestRenderer.Render(DigestBuilder.Build(large), context));

    [Benchmark(Description = "Discord markup to HTML and text, one message")]
    public int RenderMarkup()
    {
        var document = MarkupParser.Parse(string.Format(System.Globalization.CultureInfo.InvariantCulture, Contents[4], 1001, 100, 3), names);
        return MarkupHtml.Render(document, markup).Length + MarkupPlainText.Render(document, markup).Length;
    }

    private static int Length(RenderedDigest rendered) => rendered.Html.Length + rendered.Text.Length;

    /// A busy day: 30 channels (two important, one with threads), 200 authors, replies, mentions,
    /// reactions and every kind of markup.
    private static DigestRequest Request(int count)
    {
        var period = DigestPeriod.ForDay(Day, Brussels);
        List<StoredChannel> channels = [.. Enumerable.Range(0, 30).Select(i => new StoredChannel { Id = (ulong)(100 + i), Name = $"salon-{i}", Type = 0, Position = i })];
        channels.Add(new StoredChannel { Id = 900, Name = "fil de discussion", Type = 11, ParentId = 100 });
        var random = new Random(count);
        var messages = new List<StoredMessage>(count);
        for (var i = 0; i < count; i++)
        {
            var channel = i % 31 == 30 ? 900UL : (ulong)(100 + random.Next(30));
            var author = (ulong)(1000 + random.Next(200));
            var id = 1_417_000_000_000_000_000UL + (ulong)i;
            messages.Add(new StoredMessage
            {
                Id = id,
                ChannelId = channel,
                AuthorId = author,
                AuthorName = $"Membre {author - 1000}",
                Content = string.Format(System.Globalization.CultureInfo.InvariantCulture, Contents[i % Contents.Length], author, 100 + (i % 30), 3),
                Timestamp = period.Start.AddSeconds(i * 86_000.0 / count),
                MentionedUsers = [new StoredMention(author, $"Membre {author - 1000}")],
                MentionedRoles = [new StoredMention(3, "bureau")],
                ReplyToMessageId = i > 10 && i % 4 == 0 ? id - 3 : null,
                Reactions = i % 7 == 0 ? [new StoredReaction("👍", null, 1 + (i % 9)), new StoredReaction("coalition", 42, 2)] : [],
            });
        }

        var lists = new List<ChannelListEntry>
        {
            new() { Id = 1, ChannelId = 101, Name = "salon-1", Important = true },
            new() { Id = 2, ChannelId = 102, Name = "salon-2", Important = true },
            new() { Id = 3, ChannelId = 129, Name = "salon-29", Excluded = true },
        };
        return new DigestRequest(period, 42, messages, channels, lists, PreviousDayMessages: count / 2);
    }
}
