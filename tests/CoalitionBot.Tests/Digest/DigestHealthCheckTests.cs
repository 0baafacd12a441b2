using CoalitionBot.Digest;
using CoalitionBot.Health;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoalitionBot.Tests.Digest;

public sealed class DigestHealthCheckTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static async Task<HealthCheckResult> CheckAsync(DigestHarness harness)
    {
        using var service = harness.Service(new RecordingTransport());
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
}
