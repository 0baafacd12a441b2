using CoalitionBot.Digest;
using CoalitionBot.Digest.Rendering;
using CoalitionBot.Digest.Sample;
using CoalitionBot.Markup;
using CoalitionBot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Tests.Support;

/// Small builders for digest inputs.
internal static class DigestFixtures
{
    public const ulong Guild = 42;
    public static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
    public static readonly DateOnly Day = new(2026, 11, 23);

    private static long nextId = 1_000;

    /// The whole bot for digest tests: a fake clock at <paramref name="now"/>, mail recorded in memory
    /// (unless <paramref name="realMail"/> keeps the configured transport), the scheduler not started
    /// (tests drive the digest through the admin API or the services), no bot token (no polling), and
    /// the list's addresses and the server's name set.
    public static TestApp App(DateTimeOffset now, IDictionary<string, string?>? settings = null, bool realMail = false, string? dataDirectory = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Admin:Token"] = TestApp.AdminToken,
            ["Digest:To"] = "liste@example.org",
            ["Digest:From"] = "Coalition <bot@example.org>",
            ["Digest:ServerName"] = "Coalition FFJ",
            ["Discord:GuildId"] = "42",
            ["Discord:BotToken"] = "",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new TestApp(new TestAppOptions { Clock = new FakeTimeProvider(now), RecordMail = !realMail, Settings = all, DataDirectory = dataDirectory, Services = services });
    }

    public static DigestPeriod Period(DateOnly? day = null) => DigestPeriod.ForDay(day ?? Day, Brussels);

    public static StoredChannel Channel(ulong id, string name, int position = 0, ulong? parent = null, int type = 0, bool everyone = true) =>
        new() { Id = id, Name = name, Position = position, ParentId = parent, Type = type, AudienceCanView = everyone };

    public static StoredMessage Message(ulong channel, string content, int hour = 10, int minute = 0, ulong author = 1, string? name = null, DateOnly? day = null) =>
        new()
        {
            Id = (ulong)Interlocked.Increment(ref nextId),
            ChannelId = channel,
            AuthorId = author,
            AuthorName = name ?? "Membre " + author,
            Content = content,
            Timestamp = Period(day).Start.AddHours(hour).AddMinutes(minute),
        };

    public static DigestRequest Request(IReadOnlyList<StoredMessage> messages, IReadOnlyList<StoredChannel> channels, IReadOnlyList<ChannelListEntry>? lists = null, int? previous = null) =>
        new(Period(), Guild, messages, channels, lists ?? [], previous);

    public static ChannelListEntry Important(ulong channel) => new() { ChannelId = channel, Important = true };

    public static ChannelListEntry Excluded(ulong channel) => new() { ChannelId = channel, Excluded = true };

    public static DigestRenderContext French(string server = "Coalition FFJ") => new(DigestTexts.French, server, Brussels);

    public static MarkupContext Markup => new(DigestTexts.French, Brussels);

    public static DailyDigest Sample(DateOnly? day = null) =>
        DigestBuilder.Build(new DigestRequest(
            Period(day), SampleServer.GuildId, SampleServer.Messages(day ?? Day, Brussels), SampleServer.Channels, SampleServer.Lists, PreviousDayMessages: 11));
}
