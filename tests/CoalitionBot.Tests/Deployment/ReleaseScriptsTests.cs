using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Deployment;

/// deploy/release.sh and deploy/rollback.sh run for real against a stub `docker` on PATH.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait("Category", "Process")]
public sealed class ReleaseScriptsTests : IDisposable
{
    private readonly TempDirectory deployDir = new("coalitionbot-release-");
    private readonly ShellScript.StubDocker docker = new();

    public ReleaseScriptsTests() => File.WriteAllText(EnvFile, "DOMAIN=bot.example.org\n# BOT_TAG=latest\n");

    private string EnvFile => Path.Combine(deployDir.Path, ".env");

    private string[] History => File.ReadAllLines(Path.Combine(deployDir.Path, ".deploy-history"));

    [Fact]
    public async Task A_release_pulls_its_tag_waits_for_health_then_registers_the_commands()
    {
        var release = await RunAsync("release.sh", "0123abc");

        Assert.True(release.ExitCode == 0, release.Output);
        InitBotStackTests.AssertInOrder(docker.Calls(),
            "compose pull --quiet bot | tag=0123abc", "compose up -d bot caddy uptime-kuma", "caddy reload",
            "inspect --format", "compose run --rm --no-deps -T bot register-commands | tag=0123abc");
        Assert.Contains("BOT_TAG=0123abc", File.ReadAllLines(EnvFile));
        Assert.DoesNotContain("# BOT_TAG=latest", File.ReadAllLines(EnvFile));
        Assert.Equal(["0123abc"], History);
    }

    [Fact]
    public async Task Rollback_is_one_command_back_to_the_previous_tag_and_a_second_one_returns()
    {
        Assert.Equal(0, (await RunAsync("release.sh", "v1")).ExitCode);
        Assert.Equal(0, (await RunAsync("release.sh", "v2")).ExitCode);
        docker.Forget();

        var back = await RunAsync("rollback.sh");

        Assert.True(back.ExitCode == 0, back.Output);
        Assert.Contains("Rolling back from v2 to v1", back.Output, StringComparison.Ordinal);
        InitBotStackTests.AssertInOrder(docker.Calls(), "compose pull --quiet bot | tag=v1", "compose up -d bot", "register-commands | tag=v1");
        Assert.Contains("BOT_TAG=v1", File.ReadAllLines(EnvFile));
        Assert.Equal(["v1", "v2", "v1"], History);

        var again = await RunAsync("rollback.sh");
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("BOT_TAG=v2", File.ReadAllLines(EnvFile));
    }

    [Fact]
    public async Task An_unhealthy_bot_fails_the_release_before_any_command_is_registered()
    {
        var release = await RunAsync("release.sh", "broken", ("STUB_DOCKER_HEALTH", "unhealthy"));

        Assert.Equal(1, release.ExitCode);
        Assert.Contains("deploy/rollback.sh", release.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(docker.Calls(), c => c.Contains("register-commands", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(deployDir.Path, ".deploy-history")));
    }

    [Fact]
    public async Task Rollback_without_a_previous_tag_and_a_malformed_tag_are_refused_with_a_reason()
    {
        var nothing = await RunAsync("rollback.sh");
        Assert.Equal(1, nothing.ExitCode);
        Assert.Contains("give the tag", nothing.Output, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync("release.sh", "v1")).ExitCode);
        var only = await RunAsync("rollback.sh");
        Assert.Equal(1, only.ExitCode);
        Assert.Contains("nothing to roll back to", only.Output, StringComparison.Ordinal);

        var malformed = await RunAsync("release.sh", "v1; rm -rf /");
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("not a valid image tag", malformed.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        docker.Dispose();
        deployDir.Dispose();
    }

    private Task<(int ExitCode, string Output)> RunAsync(string script, params (string Key, string Value)[] extra) => RunAsync(script, null, extra);

    private async Task<(int ExitCode, string Output)> RunAsync(string script, string? tag, params (string Key, string Value)[] extra)
    {
        var environment = docker.Environment();
        environment["DEPLOY_DIR"] = deployDir.Path;
        environment["HEALTH_TIMEOUT"] = "10";
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        string[] arguments = tag is null ? [Path.Combine(RepositoryPaths.Root, "deploy", script)] : [Path.Combine(RepositoryPaths.Root, "deploy", script), tag];
        return await ShellScript.RunAsync("bash", arguments, environment, deployDir.Path);
    }
}
