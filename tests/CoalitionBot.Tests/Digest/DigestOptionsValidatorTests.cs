using CoalitionBot.Digest;

namespace CoalitionBot.Tests.Digest;

public sealed class DigestOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new DigestOptionsValidator().Validate(null, new DigestOptions()).Succeeded);
    }

    [Fact]
    public void Each_bad_value_is_reported_with_its_key()
    {
        var options = new DigestOptions { CatchUpDays = -1, MaxBytes = 5, ServerName = "   ", SendAt = "7h", TimeZone = "Mars/Olympus" };

        var result = new DigestOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith("Digest:CatchUpDays", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Digest:MaxBytes", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Digest:ServerName", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Digest:SendAt", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Digest:TimeZone", StringComparison.Ordinal));
    }
}
