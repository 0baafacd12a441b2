using System.Diagnostics;
using CoalitionBot.Admin;
using CoalitionBot.Backup;
using CoalitionBot.Configuration;
using CoalitionBot.Digest;
using CoalitionBot.Discord;
using CoalitionBot.Ingestion;
using CoalitionBot.Mail;
using CoalitionBot.Monitoring;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace CoalitionBot.Tests.Configuration;

public sealed class ConfigurationTests
{
    public static TheoryData<string, string, string> BadValues => new()
    {
        { "Discord:PublicKey", "not-a-key", "Discord:PublicKey must be the application's public key" },
        { "Discord:PublicKey", new string('a', 63), "Discord:PublicKey must be" },
        { "Discord:GuildId", "coalition", "Discord:GuildId must be a Discord server id" },
        { "Discord:ApplicationId", "-5", "Discord:ApplicationId must be a Discord id" },
        { "Discord:ApiBaseUrl", "discord.com/api", "Discord:ApiBaseUrl must be an absolute http(s) URL" },
        { "Discord:BotToken", "Bot abc.def", "Discord:BotToken must not contain spaces" },
        { "Discord:RedirectUri", "https://bot.example.org/admin/callback", "Discord:RedirectUri must be the admin page's callback" },
        { "Discord:RedirectUri", "http://bot.example.org/admin/signin/discord/callback", "Discord:RedirectUri must be" },
        { "Discord:RedirectUri", "bot.example.org/admin/signin/discord/callback", "Discord:RedirectUri must be" },
        { "Discord:AuthorizeUrl", "discord.com/oauth2/authorize", "Discord:AuthorizeUrl must be an absolute http(s) URL" },
        { "Digest:TimeZone", "Europe/Bruxelles", "Digest:TimeZone must be an IANA time zone" },
        { "Digest:To", "liste-at-example.org", "Digest:To must be an email address" },
        { "Digest:From", "bot@", "Digest:From must be an email address" },
        { "Digest:SendAt", "7h", "Digest:SendAt must be a time of day" },
        { "Digest:Language", "nl", "Digest:Language must be fr or en" },
        { "Smtp:Port", "70000", "Smtp:Port must be a port number" },
        { "Smtp:Port", "smtp", "'Smtp:Port'" },
        { "Smtp:Security", "Tls", "'Smtp:Security'" },
        { "Ingestion:PollInterval", "5 minutes", "'Ingestion:PollInterval'" },
        { "Ingestion:PollInterval", "00:00:05", "Ingestion:PollInterval must be between" },
        { "Ingestion:BackfillDays", "-1", "Ingestion:BackfillDays must be" },
        { "Storage:RetentionDays", "0", "Storage:RetentionDays must be" },
        { "Backup:KeepDays", "0", "Backup:KeepDays must be a number of days" },
        { "Backup:KeepDays", "a week", "'Backup:KeepDays'" },
        { "Backup:At", "3h45", "Backup:At must be a time of day" },
        { "Admin:Token", "short", "Admin:Token must be at least 16 characters" },
        { "Admin:TrustedProxies", "caddy", "Admin:TrustedProxies must be" },
        { "Admin:TrustedProxies", "172.30.0", "Admin:TrustedProxies must be" },
        { "Admin:TrustedProxies", "172.30.0.10; 10.0.0.1", "Admin:TrustedProxies must be" },
        { "Admin:TrustedProxies", "10.0.0.0/33", "Admin:TrustedProxies must be" },
        { "Admin:TrustedProxies", "10.0.0.1/8", "Admin:TrustedProxies must be" },
        { "Admin:TrustedProxies", "fd00::/129", "Admin:TrustedProxies must be" },
        { "Admin:TrustedProxies", "172.30.0.10, 999.1.1.1", "'999.1.1.1'" },
        { "Admin:TrustedProxies", "*", "Admin:TrustedProxies must be" },
        { "Monitoring:PushUrl", "ftp://kuma/push", "Monitoring:PushUrl must be an absolute http(s) URL" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_malformed_value_is_reported_in_one_message_naming_the_key(string key, string value, string expected)
    {
        var errors = ErrorsFor(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Single(errors);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public void The_defaults_and_a_full_valid_configuration_pass()
    {
        Assert.Empty(ErrorsFor(new Dictionary<string, string?>()));
        Assert.Empty(ErrorsFor(new Dictionary<string, string?>
        {
            ["Discord:PublicKey"] = new string('A', 64),
            ["Discord:GuildId"] = "1300000000000000000",
            ["Discord:ApplicationId"] = "1416000000000000000",
            ["Discord:BotToken"] = "MTQx.secret.token",
            ["Digest:To"] = "liste@coalition.example, archive@coalition.example",
            ["Digest:From"] = "Coalition FFJ <bot@coalition.example>",
            ["Digest:SendAt"] = "06:30",
            ["Digest:TimeZone"] = "Europe/Paris",
            ["Digest:Language"] = "en",
            ["Smtp:Host"] = "ssl0.ovh.net",
            ["Smtp:Port"] = "465",
            ["Smtp:Security"] = "SslOnConnect",
            ["Smtp:Username"] = "bot@coalition.example",
            ["Smtp:Password"] = "secret",
            ["Ingestion:PollInterval"] = "00:10:00",
            ["Admin:Token"] = "a-long-enough-admin-token",
            ["Admin:TrustedProxies"] = " 172.30.0.10, 10.0.0.0/8 ,fd00::/8, ::1, ",
            ["Monitoring:PushUrl"] = "https://kuma.example/api/push/abc",
        }));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("::1")]
    public void Clear_text_SMTP_may_authenticate_only_to_a_relay_on_this_machine(string loopback)
    {
        Dictionary<string, string?> settings(string host) => new()
        {
            ["Smtp:Host"] = host,
            ["Smtp:Security"] = "None",
            ["Smtp:Username"] = "bot@coalition.example",
            ["Smtp:Password"] = "secret",
        };

        var error = Assert.Single(ErrorsFor(settings("ssl0.ovh.net")));

        Assert.StartsWith("Smtp:Security=None would send Smtp:Password in clear", error, StringComparison.Ordinal);
        Assert.Empty(ErrorsFor(settings(loopback)));
        Assert.Empty(ErrorsFor(new Dictionary<string, string?> { ["Smtp:Host"] = "relay.example", ["Smtp:Security"] = "None" }));
    }

    [Fact]
    public void Smtp_TrustedCertificate_must_be_a_PEM_file_of_certificates()
    {
        using var folder = new TempDirectory("coalitionbot-pem-");
        var ca = new TestCertificates(folder.Path).AuthorityFile;
        var notPem = Path.Combine(folder.Path, "not.pem");
        File.WriteAllText(notPem, "not a certificate");

        Assert.Empty(ErrorsFor(new Dictionary<string, string?> { ["Smtp:TrustedCertificate"] = ca }));
        Assert.StartsWith("Smtp:TrustedCertificate must be a PEM file of certificates", Assert.Single(ErrorsFor(new Dictionary<string, string?> { ["Smtp:TrustedCertificate"] = notPem })), StringComparison.Ordinal);
        Assert.StartsWith("Smtp:TrustedCertificate must be a PEM file of certificates", Assert.Single(ErrorsFor(new Dictionary<string, string?> { ["Smtp:TrustedCertificate"] = Path.Combine(folder.Path, "missing.pem") })), StringComparison.Ordinal);
    }

    [Fact]
    public void Several_bad_values_are_all_reported()
    {
        var errors = ErrorsFor(new Dictionary<string, string?> { ["Discord:GuildId"] = "x", ["Digest:Language"] = "de", ["Storage:RetentionDays"] = "-3" });

        Assert.Equal(3, errors.Count);
    }

    [Fact]
    [Trait("Category", "Process")]
    public async Task The_process_stops_with_exit_code_1_and_one_line_naming_the_key()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "CoalitionBot.dll");
        using var folder = new TempDirectory("coalitionbot-config-");
        var data = folder.Path;
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = data,
            Environment =
            {
                ["Discord__PublicKey"] = "0123",
                ["Storage__Path"] = Path.Combine(data, "bot.db"),
                ["Urls"] = "http://127.0.0.1:0",
                ["DOTNET_NOLOGO"] = "1",
            },
        };

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        var everything = $"exit {process.ExitCode}\nstdout:\n{output}\nstderr:\n{await errors}";
        Assert.True(process.ExitCode == 1, everything);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, everything);
        var line = lines[0];
        Assert.Contains("Configuration error: Discord:PublicKey must be the application's public key", line, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(data, "bot.db")), "nothing should start when the configuration is wrong");
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task Secrets_never_reach_the_log()
    {
        await using var app = new TestApp(new Dictionary<string, string?>
        {
            ["Discord:BotToken"] = "MTQx.very-secret-bot-token",
            ["Smtp:Password"] = "very-secret-smtp-password",
            ["Smtp:Username"] = "bot",
            ["Admin:Token"] = "very-secret-admin-token",
        });

        using var response = await app.Client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        var health = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain(app.Logs.Lines, l => l.Message.Contains("very-secret", StringComparison.Ordinal));
        Assert.DoesNotContain("very-secret", health, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> ErrorsFor(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddStorage();
        builder.AddBackup();
        builder.AddDiscord();
        builder.AddIngestion();
        builder.AddDigest();
        builder.AddMail();
        builder.AddAdmin();
        builder.AddMonitoring();
        using var app = builder.Build();
        return OptionsRegistration.FindConfigurationErrors(app.Services);
    }
}
