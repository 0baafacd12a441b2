using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Tests.Mail;

/// Outbox mails and previews quote members' messages, so the daily retention job clears them after
/// Storage:RetentionDays, as it does the messages.
public sealed class OutboxRetentionTests
{
    [Fact]
    public async Task The_retention_job_deletes_outbox_mails_and_previews_older_than_the_retention_days()
    {
        await using var app = DigestFixtures.App(DigestHarness.Local(new DateOnly(2026, 11, 24), 3, 30));
        var now = app.Time.GetUtcNow();
        var outbox = Directory.CreateDirectory(Path.Combine(app.DataDirectory, "outbox")).FullName;
        var ages = new Dictionary<string, int>
        {
            ["20261020-050000-digest-2026-10-19.42_coalitionbot.eml"] = 35,
            ["20261023-050000-digest-2026-10-22.42_coalitionbot.eml.tmp"] = 32,
            ["preview-2026-10-20.html"] = 31,
            ["preview-2026-10-20.txt"] = 31,
            ["preview-2026-10-20-sample.html"] = 31,
            ["20261026-050000-digest-2026-10-25.42_coalitionbot.eml"] = 29,
            ["preview-2026-11-23.txt"] = 0,
            ["notes-de-l-admin.md"] = 60,
        };
        foreach (var (name, days) in ages)
        {
            var path = Path.Combine(outbox, name);
            await File.WriteAllTextAsync(path, "quoted message", TestContext.Current.CancellationToken);
            File.SetLastWriteTimeUtc(path, now.AddDays(-days).UtcDateTime);
        }

        var job = ActivatorUtilities.CreateInstance<RetentionJob>(app.Services);

        job.Purge();

        Assert.Equal(
            ["20261026-050000-digest-2026-10-25.42_coalitionbot.eml", "notes-de-l-admin.md", "preview-2026-11-23.txt"],
            Directory.GetFiles(outbox).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
