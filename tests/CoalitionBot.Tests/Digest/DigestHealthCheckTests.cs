using CoalitionBot.Digest;
using CoalitionBot.Operations;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoalitionBot.Tests.Digest;

public sealed class DigestHealthCheckTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static async Task<HealthCheckResult> CheckAsync(DigestHarness harness, IDigestPreparation? preparation = null)
    {
        using var service = harness.Service(new RecordingTransport(), preparation);
        var check = new DigestHealthCheck(service, harness.Ledger, new ProcessStart(harness.Time.GetUtcNow().AddDays(-10)), harness.Time);
        return await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_digest_not_sent_after_its_grace_period_is_reported_late()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Monday.AddDays(1), 9, 30));

        var result = await CheckAsync(harness);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("2026-11-23 is late", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_that_gave_up_is_reported_failing()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Monday.AddDays(1), 9, 30));
        harness.Ledger.Save(new DigestRecord { Id = "2026-11-23", State = DigestState.Failed, Attempts = 12, LastError = "Connection refused" });

        var result = await CheckAsync(harness);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("failed", result.Description, StringComparison.Ordinal);
        Assert.Equal("Connection refused", result.Data["lastError"]);
    }

    [Fact]
    public async Task A_sent_digest_is_healthy_and_retries_have_their_grace_period()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Monday.AddDays(1), 8));
        harness.Ledger.Save(new DigestRecord { Id = "2026-11-22", State = DigestState.Sent });

        var result = await CheckAsync(harness);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("2026-11-22", result.Data["day"]);
    }

    [Fact]
    public async Task A_day_waiting_for_discord_is_degraded_with_the_reason_and_unhealthy_only_a_day_after_it_was_due()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Monday.AddDays(1), 9, 30));
        harness.Ledger.Save(new DigestRecord { Id = "2026-11-23", State = DigestState.Pending, WaitingFor = "no poll that began after 2026-11-23 23:00:00Z has succeeded yet", WaitingSince = DigestHarness.Local(Monday.AddDays(1), 7) });

        var late = await CheckAsync(harness);
        harness.Time.Advance(TimeSpan.FromHours(22));
        var nextDay = await CheckAsync(harness);

        Assert.Equal(HealthStatus.Degraded, late.Status);
        Assert.Equal("the digest of 2026-11-23 waits for Discord: no poll that began after 2026-11-23 23:00:00Z has succeeded yet", late.Description);
        Assert.Equal("no poll that began after 2026-11-23 23:00:00Z has succeeded yet", late.Data["waitingFor"]);
        // By then the next day is the one checked; it has no record: late, as before.
        Assert.Equal(HealthStatus.Unhealthy, nextDay.Status);
    }

    [Fact]
    public async Task A_day_still_waiting_a_day_after_it_was_due_is_unhealthy()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Monday.AddDays(2), 8));
        harness.Ledger.Save(new DigestRecord { Id = "2026-11-23", State = DigestState.Pending, WaitingFor = "the last poll could not read général (bad page)", WaitingSince = DigestHarness.Local(Monday.AddDays(1), 7) });

        var result = await CheckAsync(harness);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("the digest of 2026-11-23 has waited for Discord since 2026-11-24 06:00:00Z", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_before_the_bot_started_reading_is_not_late()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Monday.AddDays(1), 9, 30));

        var result = await CheckAsync(harness, new CoveredFrom(DigestHarness.Local(Monday.AddDays(1), 0)));

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("no digest of 2026-11-23: the bot was not reading the server yet", result.Description);
    }

    private sealed class CoveredFrom(DateTimeOffset start) : IDigestPreparation
    {
        public DateTimeOffset? CoveredSince => start;

        public Task<DigestReadiness> PrepareAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) => Task.FromResult(DigestReadiness.Ready);

        public Task RefreshRecentAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
