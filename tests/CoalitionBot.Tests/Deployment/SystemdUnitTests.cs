using System.Globalization;
using System.Text.RegularExpressions;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Deployment;

/// deploy/systemd/coalitionbot.service, the unit of the install without Docker, checked by systemd's
/// own tools: `systemd-analyze verify` (syntax, directives, the executable) and `systemd-analyze
/// security` (its exposure score, printed in the test output).
[Trait("Category", "Process")]
public sealed partial class SystemdUnitTests : IDisposable
{
    private static readonly string Unit = Path.Combine(RepositoryPaths.Root, "deploy", "systemd", "coalitionbot.service");
    private readonly TempDirectory folder = new("coalitionbot-unit-");

    [Fact]
    public async Task The_unit_passes_systemd_analyze_verify_and_a_missing_executable_does_not()
    {
        // The tarball installs the executable in /opt/coalitionbot; here an executable stands in for it.
        var good = Copy("/bin/true");
        var verified = await ShellScript.RunAsync("systemd-analyze", ["verify", good]);
        Assert.True(verified.ExitCode == 0 && verified.Output.Trim().Length == 0, verified.Output);

        var missing = Copy(Path.Combine(folder.Path, "no-such-binary"));
        var refused = await ShellScript.RunAsync("systemd-analyze", ["verify", missing]);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("no-such-binary", refused.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_unit_is_hardened_and_its_exposure_score_is_at_most_2()
    {
        var text = File.ReadAllText(Unit);
        foreach (var directive in new[]
        {
            "DynamicUser=yes", "StateDirectory=coalitionbot", "ProtectSystem=strict", "ProtectHome=yes", "NoNewPrivileges=yes",
            "PrivateTmp=yes", "PrivateDevices=yes", "CapabilityBoundingSet=\n", "UMask=0077", "SystemCallFilter=@system-service",
        })
        {
            Assert.Contains(directive, text, StringComparison.Ordinal);
        }

        var security = await ShellScript.RunAsync("systemd-analyze", ["security", "--offline=yes", "--no-pager", Copy("/bin/true")]);

        var score = ScoreLine().Match(security.Output);
        Assert.True(score.Success, security.Output);
        var exposure = double.Parse(score.Groups[1].Value, CultureInfo.InvariantCulture);
        TestContext.Current.TestOutputHelper?.WriteLine($"systemd-analyze security: {exposure} ({score.Groups[2].Value})");
        Assert.True(exposure <= 2.0, $"exposure {exposure} above 2.0:\n{security.Output}");
    }

    public void Dispose() => folder.Dispose();

    /// The unit under its real name, with ExecStart pointing at <paramref name="executable"/>.
    private string Copy(string executable)
    {
        var directory = Directory.CreateDirectory(Path.Combine(folder.Path, Guid.NewGuid().ToString("N"))).FullName;
        var copy = Path.Combine(directory, "coalitionbot.service");
        File.WriteAllText(copy, File.ReadAllText(Unit).Replace("ExecStart=/opt/coalitionbot/CoalitionBot", "ExecStart=" + executable, StringComparison.Ordinal));
        return copy;
    }

    [GeneratedRegex(@"Overall exposure level for coalitionbot\.service: ([0-9]+\.[0-9]) (\w+)")]
    private static partial Regex ScoreLine();
}
