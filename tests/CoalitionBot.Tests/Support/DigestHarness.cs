using CoalitionBot.Activity;
using CoalitionBot.Digest;
using CoalitionBot.Localization;
using CoalitionBot.Mail;
using CoalitionBot.Monitoring;
using CoalitionBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace CoalitionBot.Tests.Support;

/// The digest tests' view of a <see cref="TestApp"/> (<see cref="DigestFixtures.App"/>): the bot's
/// own digest service and stores, a fake clock in Brussels, and the digest options as one object
/// the test may change at any time (the app reads that very object). <see cref="Service"/> chooses
/// the transport and the preparation the service uses from then on.
internal sealed class DigestHarness : IDisposable
{
    private readonly TestApp app;
    private readonly Forwarding forwarding = new();
    private readonly MonitoringOptions monitoring = new();

    public DigestHarness(DateTimeOffset now, IDictionary<string, string?>? settings = null)
    {
        app = DigestFixtures.App(now, settings, services: services =>
        {
            services.RemoveAll<IMailTransport>();
            services.AddSingleton<IMailTransport>(forwarding);
            services.RemoveAll<IDigestPreparation>();
            services.AddSingleton<IDigestPreparation>(forwarding);
            services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Options));
            services.AddSingleton(Microsoft.Extensions.Options.Options.Create(monitoring));
            services.AddSingleton<Microsoft.Extensions.Options.IOptions<SwitchDefaults>>(new LiveSwitchDefaults(Options));
        });
        Channels.Upsert([DigestFixtures.Channel(10, "général")]);
    }

    public FakeTimeProvider Time => app.Time;

    /// The bot itself (its logs, its admin API).
    public TestApp App => app;

    public DigestOptions Options { get; } = new() { To = "liste@example.org", From = "Coalition <bot@example.org>", ServerName = "Coalition FFJ" };

    /// The database and the data folder it lives in.
    public (Database Database, string Folder) Files => (app.Get<Database>(), app.DataDirectory);

    public MessageStore Messages => app.Messages;

    public ChannelStore Channels => app.Channels;

    public DigestLedger Ledger => app.Get<DigestLedger>();

    public SettingsStore Settings => app.Get<SettingsStore>();

    public ServerNameSource ServerName => app.Get<ServerNameSource>();

    /// The bot's abstract writer (the model's, off unless Summarization:Endpoint is set).
    public IDigestAbstracts Abstracts => app.Get<IDigestAbstracts>();

    /// Where the service pushes after a sent digest; empty means no push.
    public string? PushUrl
    {
        get => monitoring.PushUrl;
        set => monitoring.PushUrl = value;
    }

    /// Brussels local time on a day, as an instant.
    public static DateTimeOffset Local(DateOnly day, int hour, int minute = 0) =>
        DigestPeriod.StartOfDay(day, DigestFixtures.Brussels).AddHours(hour).AddMinutes(minute);

    public void AddMessages(DateOnly day, int count, ulong channel = 10)
    {
        Messages.Upsert(Enumerable.Range(0, count).Select(i => DigestFixtures.Message(channel, $"message {i} du {day:dd/MM}", hour: 8 + (i % 12), author: (ulong)(1 + (i % 3)), day: day)).ToList());
    }

    public RecentActivity Activity() => app.Get<RecentActivity>();

    public ActivityReports Reports() => app.Get<ActivityReports>();

    public T Get<T>()
        where T : notnull => app.Get<T>();

    public IServiceProvider Services => app.Services;

    /// The language and zone of <see cref="Options"/>, as the features other than the digest read them.
    public Microsoft.Extensions.Options.IOptions<LocaleOptions> Locale =>
        Microsoft.Extensions.Options.Options.Create(new LocaleOptions { TimeZone = Options.TimeZone, Language = Options.Language });

    /// The bot's digest service, mailing through <paramref name="transport"/> and asking
    /// <paramref name="preparation"/> (none: the messages are ready) before it builds a day.
    public DigestService Service(IMailTransport transport, IDigestPreparation? preparation = null)
    {
        forwarding.Transport = transport;
        forwarding.Preparation = preparation ?? new NoDigestPreparation();
        return app.Get<DigestService>();
    }

    /// Stops the bot and starts it again on the same data folder, as a restarted process would.
    public void Restart() => app.RestartAsync().GetAwaiter().GetResult();

    public void Dispose() => app.Dispose();

    /// What the app holds as its transport and preparation: whichever the test chose last.
    private sealed class Forwarding : IMailTransport, IDigestPreparation
    {
        public IMailTransport Transport { get; set; } = new RecordingTransport();

        public IDigestPreparation Preparation { get; set; } = new NoDigestPreparation();

        public string Description => Transport.Description;

        public DateTimeOffset? CoveredSince => Preparation.CoveredSince;

        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => Transport.SendAsync(message, cancellationToken);

        public Task<DigestReadiness> PrepareAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
            Preparation.PrepareAsync(from, to, cancellationToken);

        public Task RefreshRecentAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
            Preparation.RefreshRecentAsync(from, to, cancellationToken);
    }

    /// The switches' defaults as the test's <see cref="Options"/> say at the moment they are read.
    private sealed class LiveSwitchDefaults(DigestOptions options) : Microsoft.Extensions.Options.IOptions<SwitchDefaults>
    {
        public SwitchDefaults Value => new() { WeeklyDigest = options.WeeklyDigest };
    }
}
