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

    [Theory]
    [InlineData("a.@x.org")]
    [InlineData("bot..list@x.org")]
    [InlineData(".bot@x.org")]
    [InlineData("Coalition <a.@x.org>")]
    public void An_address_the_mail_library_cannot_parse_is_refused_at_start(string address)
    {
        var result = new DigestOptionsValidator().Validate(null, new DigestOptions { From = address, To = "liste@x.org, " + address });

        Assert.Contains(result.Failures!, f => f.StartsWith("Digest:From", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Digest:To", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bot@coalition.example")]
    [InlineData("Coalition FFJ <bot@coalition.example>")]
    [InlineData("\"Coalition, FFJ\" <bot@coalition.example>")]
    [InlineData("prénom.nom@coalition.example")]
    public void An_accepted_address_is_one_the_mail_is_built_with(string address)
    {
        var result = new DigestOptionsValidator().Validate(null, new DigestOptions { From = address });

        Assert.True(result.Succeeded, string.Join("; ", result.Failures ?? []));
        Assert.Equal("coalition.example", MimeKit.MailboxAddress.Parse(address).Domain);
    }
}
