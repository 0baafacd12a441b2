using System.Diagnostics;
using System.Text.Json;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Deployment;

/// deploy/restic/backup.sh, the backup profile's entry script, run with the real restic against a
/// repository in a temporary folder, with the folders the compose file mounts under /source.
[Trait("Category", "Process")]
public sealed class ResticBackupScriptTests : IDisposable
{
    private readonly TempDirectory root = new("coalitionbot-restic-");

    private string Source => Path.Combine(root.Path, "source");

    private string Repository => Path.Combine(root.Path, "repository");

    [Fact]
    public async Task The_script_refuses_a_missing_repository_then_backs_up_applies_the_retention_and_restores()
    {
        Directory.CreateDirectory(Path.Combine(Source, "bot-data", "backups"));
        Directory.CreateDirectory(Path.Combine(Source, "caddy_data"));
        Directory.CreateDirectory(Repository);
        await File.WriteAllTextAsync(Path.Combine(Source, "bot-data", "backups", "coalitionbot-20261203T024500Z.db"), "snapshot", Token);
        await File.WriteAllTextAsync(Path.Combine(Source, "bot-data", "coalitionbot.db"), "live database", Token);
        await File.WriteAllTextAsync(Path.Combine(Source, "caddy_data", "certificate.pem"), "certificate", Token);

        var unmounted = await RunAsync("now");
        var init = await RunAsync("init");
        var first = await RunAsync("now");
        var second = await RunAsync("now");
        var snapshots = await RunAsync("restic", "snapshots", "--json");
        var target = Path.Combine(root.Path, "restored");
        var restore = await RunAsync("restic", "restore", "latest", "--target", target);

        Assert.Equal(1, unmounted.ExitCode);
        Assert.Contains("no restic repository at RESTIC_REPOSITORY", unmounted.Output, StringComparison.Ordinal);
        Assert.Equal(0, init.ExitCode);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("backup: done", first.Output, StringComparison.Ordinal);
        Assert.Contains($"skipped {Source}/uptime_kuma_data: not there (yet)", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        // Two runs on one day: --keep-daily keeps the last of them only.
        Assert.Equal(1, JsonDocument.Parse(snapshots.Output).RootElement.GetArrayLength());
        Assert.Equal(0, restore.ExitCode);
        var restored = Path.Combine(target, Source.TrimStart('/'));
        Assert.Equal("snapshot", await File.ReadAllTextAsync(Path.Combine(restored, "bot-data", "backups", "coalitionbot-20261203T024500Z.db"), Token));
        Assert.Equal("certificate", await File.ReadAllTextAsync(Path.Combine(restored, "caddy_data", "certificate.pem"), Token));
        Assert.False(File.Exists(Path.Combine(restored, "bot-data", "coalitionbot.db")), "the live database must not be backed up, only its snapshots");
    }

    [Fact]
    public async Task A_malformed_BACKUP_AT_or_a_missing_password_stops_the_script_with_one_line()
    {
        var badTime = await RunAsync(new Dictionary<string, string> { ["BACKUP_AT"] = "4h30" });
        var noPassword = await RunAsync(new Dictionary<string, string> { ["RESTIC_PASSWORD"] = "" });

        Assert.Equal(1, badTime.ExitCode);
        Assert.EndsWith("backup: BACKUP_AT must be a time of day as HH:MM, such as 04:30 (it is '4h30')", badTime.Output.Trim(), StringComparison.Ordinal);
        Assert.Equal(1, noPassword.ExitCode);
        Assert.EndsWith("backup: RESTIC_PASSWORD is not set in .env", noPassword.Output.Trim(), StringComparison.Ordinal);
    }

    public void Dispose() => root.Dispose();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) => RunAsync(new Dictionary<string, string>(), arguments);

    private async Task<(int ExitCode, string Output)> RunAsync(Dictionary<string, string> overrides, params string[] arguments)
    {
        var restic = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "restic")).FirstOrDefault(File.Exists);
        Assert.True(restic is not null, "restic is not on PATH: run scripts/install-test-tools.sh");
        var info = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "deploy", "restic", "backup.sh"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["RESTIC_REPOSITORY"] = Repository;
        info.Environment["RESTIC_PASSWORD"] = "correct horse battery staple";
        info.Environment["RESTIC_CACHE_DIR"] = Path.Combine(root.Path, "cache");
        info.Environment["BACKUP_SOURCE"] = Source;
        foreach (var (key, value) in overrides)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(Token);
        var error = process.StandardError.ReadToEndAsync(Token);
        await process.WaitForExitAsync(Token);
        return (process.ExitCode, await output + await error);
    }
}
