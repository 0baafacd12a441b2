using CoalitionBot.Backup;

namespace CoalitionBot.Tests.Backup;

public sealed class BackupOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new BackupOptionsValidator().Validate(null, new BackupOptions()).Succeeded);
    }

    [Theory]
    [InlineData("", 7, "03:45", "Backup:Path must be a folder path, such as data/backups.")]
    [InlineData("data/backups", 0, "03:45", "Backup:KeepDays must be a number of days between 1 and 366.")]
    [InlineData("data/backups", 400, "03:45", "Backup:KeepDays must be a number of days between 1 and 366.")]
    [InlineData("data/backups", 7, "3h45", "Backup:At must be a time of day as HH:mm, such as 03:45.")]
    [InlineData("data/backups", 7, "24:00", "Backup:At must be a time of day as HH:mm, such as 03:45.")]
    public void A_bad_value_fails_with_one_line_naming_its_key(string path, int keepDays, string at, string expected)
    {
        var result = new BackupOptionsValidator().Validate(null, new BackupOptions { Path = path, KeepDays = keepDays, At = at });

        Assert.Equal([expected], result.Failures);
    }
}
