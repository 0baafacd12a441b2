using CoalitionBot.Activity;
using CoalitionBot.Digest;
using CoalitionBot.Discord;
using CoalitionBot.Localization;
using CoalitionBot.Mail;
using CoalitionBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Tests.Support;

/// A digest service over a temporary database, a fake clock in Brussels and a chosen transport.
internal sealed class DigestHarness : IDisposable
{
    public DigestHarness(DateTimeOffset now)
    {
        Time = new FakeTimeProvider(now);
        Channels.Upsert([DigestFixtures.Channel(10, "général")]);
    }

    public TestDatabase Files { get; } = new();

    public FakeTimeProvider Time { get; }

    public DigestOptions Options { get; } = new() { To = "liste@example.org", From = "Coalition <bot@example.org>", ServerName = "Coalition FFJ" };

    public MessageStore Messages => new(Files.Database);

    public ChannelStore Channels => new(Files.Database);

    public DigestLedger Ledger => new(Files.Database);

    public SettingsStore Settings => new(Files.Database, Microsoft.Extensions.Options.Options.Create(new SwitchDefaults { WeeklyDigest = Options.WeeklyDigest }));

    public ServerNameSource ServerName => new(Microsoft.Extensions.Options.Options.Create(Options), new CursorStore(Files.Database, Time));

    /// Where the service pushes after a sent digest; empty means no push.
    public string? PushUrl { get; set; }

    /// Brussels local time on a day, as an instant.
    public static DateTimeOffset Local(DateOnly day, int hour, int minute = 0) =>
        DigestPeriod.StartOfDay(day, DigestFixtures.Brussels).AddHours(hour).AddMinutes(minute);

    public void AddMessages(DateOnly day, int count, ulong channel = 10)
    {
        Messages.Upsert(Enumerable.Range(0, count).Select(i => DigestFixtures.Message(channel, $"message {i} du {day:dd/MM}", hour: 8 + (i % 12), author: (ulong)(1 + (i % 3)), day: day)).ToList());
    }

    public RecentActivity Activity() =>
        new(Source, Ledger, new NoDigestPreparation(), Locale, Time, NullLogger<RecentActivity>.Instance);

    public Microsoft.Extensions.Options.IOptions<LocaleOptions> Locale => Microsoft.Extensions.Options.Options.Create(new LocaleOptions { TimeZone = Options.TimeZone, Language = Options.Language });

    public DigestSource Source => new(Messages, Channels, new ChannelListStore(Files.Database, Time), Microsoft.Extensions.Options.Options.Create(new DiscordOptions { GuildId = "42" }));

    public DigestService Service(IMailTransport transport, IDigestPreparation? preparation = null) =>
        Service(transport, preparation ?? new NoDigestPreparation(), Microsoft.Extensions.Options.Options.Create(Options));

    private DigestService Service(IMailTransport transport, IDigestPreparation preparation, Microsoft.Extensions.Options.IOptions<DigestOptions> options)
    {
        var calendar = new DigestCalendar(options, Time);
        var composer = new DigestComposer(Source, ServerName, options);
        var monitoring = new CoalitionBot.Monitoring.UptimeKumaPush(new HttpClient(), Microsoft.Extensions.Options.Options.Create(new CoalitionBot.Monitoring.MonitoringOptions { PushUrl = PushUrl }), NullLogger<CoalitionBot.Monitoring.UptimeKumaPush>.Instance);
        var mailer = new DigestMailer(transport, monitoring, options, NullLogger<DigestService>.Instance);
        var sender = new DigestSender(Ledger, composer, mailer, preparation, Time, NullLogger<DigestService>.Instance);
        return new DigestService(calendar, composer, sender, Ledger, Settings, options, Files.Options);
    }

    /// Closes the database and opens it again, as a restarted process would.
    public void Restart() => Files.Reopen();

    public void Dispose() => Files.Dispose();
}
