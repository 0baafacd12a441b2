using System.Security.Cryptography;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Deployment;

/// init_bot_stack.sh run for real (as root, as on the Pi) against a stub `docker` on PATH that
/// records its calls: twice in a row, after a new image, and where it has to build.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait("Category", "Process")]
public sealed class InitBotStackTests : IDisposable
{
    private readonly TempDirectory deployDir = new("coalitionbot-init-");
    private readonly ShellScript.StubDocker docker = new();

    public InitBotStackTests()
    {
        // A clone as the script sees one: the folder has .git, and .env.example to start .env from.
        Directory.CreateDirectory(Path.Combine(deployDir.Path, ".git"));
        File.Copy(Path.Combine(RepositoryPaths.Root, ".env.example"), Path.Combine(deployDir.Path, ".env.example"));
    }

    private string EnvFile => Path.Combine(deployDir.Path, ".env");

    [Fact]
    public async Task A_first_run_pulls_starts_then_registers_and_a_second_run_registers_nothing_and_keeps_env()
    {
        var first = await RunAsync(("BOT_IMAGE", "192.168.1.20:3000/owner/coalitionbot"));
        Assert.True(first.ExitCode == 0, first.Output);
        var calls = docker.Calls();
        AssertInOrder(calls, "compose pull --quiet bot", "compose up -d |", "image inspect", "compose run --rm --no-deps bot register-commands");
        Assert.DoesNotContain(calls, c => c.Contains("build", StringComparison.Ordinal));
        Assert.Contains("BOT_IMAGE=192.168.1.20:3000/owner/coalitionbot", File.ReadAllText(EnvFile), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(EnvFile));
        var envBefore = SHA256.HashData(File.ReadAllBytes(EnvFile));

        docker.Forget();
        var second = await RunAsync(("BOT_IMAGE", "192.168.1.20:3000/owner/coalitionbot"));
        Assert.True(second.ExitCode == 0, second.Output);
        calls = docker.Calls();
        AssertInOrder(calls, "compose pull --quiet bot", "compose up -d |");
        Assert.DoesNotContain(calls, c => c.Contains("register-commands", StringComparison.Ordinal));
        Assert.DoesNotContain(calls, c => c.Contains("build", StringComparison.Ordinal));
        Assert.Equal(envBefore, SHA256.HashData(File.ReadAllBytes(EnvFile)));
        Assert.Contains(".env already exists", second.Output, StringComparison.Ordinal);
        Assert.Contains("already registered", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_new_image_the_stack_runs_it_before_the_commands_are_registered_from_it()
    {
        Assert.Equal(0, (await RunAsync(("BOT_IMAGE", "registry.example/coalitionbot"))).ExitCode);
        File.AppendAllText(EnvFile, "BOT_TAG=v2\n");
        docker.Forget();

        var rerun = await RunAsync();

        Assert.True(rerun.ExitCode == 0, rerun.Output);
        var calls = docker.Calls();
        AssertInOrder(calls, "compose pull --quiet bot | tag=v2", "compose up -d | tag=v2", "compose run --rm --no-deps bot register-commands | tag=v2");
        Assert.Equal("sha256:image-of-v2", File.ReadAllText(Path.Combine(deployDir.Path, "data", ".commands-registered")).Trim());
    }

    [Fact]
    public async Task Without_a_registry_it_builds_with_a_mode_that_fits_the_memory_and_refuses_without_BuildKit()
    {
        var refused = await RunAsync(("STUB_DOCKER_NO_BUILDX", "1"));
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("BuildKit", refused.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(docker.Calls(), c => c.StartsWith("compose build", StringComparison.Ordinal) || c.StartsWith("compose up", StringComparison.Ordinal));

        docker.Forget();
        var built = await RunAsync();

        Assert.True(built.ExitCode == 0, built.Output);
        var memoryKib = long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        var mode = memoryKib < 3L * 1024 * 1024 ? "r2r" : "aot";
        AssertInOrder(docker.Calls(), $"compose build --pull bot | tag= mode={mode}", "compose up -d |", "register-commands");
        Assert.DoesNotContain(docker.Calls(), c => c.StartsWith("compose pull", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        docker.Dispose();
        deployDir.Dispose();
    }

    private async Task<(int ExitCode, string Output)> RunAsync(params (string Key, string Value)[] extra)
    {
        var environment = docker.Environment();
        environment["DEPLOY_DIR"] = deployDir.Path;
        environment["SUDO_USER"] = null;
        environment["DOMAIN"] = "bot.example.org";
        environment["ACME_EMAIL"] = "ops@example.org";
        environment["Discord__PublicKey"] = new string('a', 64);
        environment["Discord__ApplicationId"] = "141720339920000000";
        environment["Discord__BotToken"] = "MTQx" + new string('b', 60);
        environment["Discord__GuildId"] = "141720339920000001";
        environment["Digest__To"] = "liste@example.org";
        environment["Digest__From"] = "bot@example.org";
        environment["Smtp__Host"] = "smtp.example.org";
        environment["Smtp__Port"] = "587";
        environment["Smtp__Security"] = "Auto";
        environment["Smtp__Username"] = "bot@example.org";
        environment["Smtp__Password"] = "a password";
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return await ShellScript.RunAsync("bash", [Path.Combine(RepositoryPaths.Root, "init_bot_stack.sh")], environment, deployDir.Path);
    }

    /// Each expected fragment appears in a call after the call matching the previous one.
    internal static void AssertInOrder(string[] calls, params string[] expected)
    {
        var from = 0;
        foreach (var fragment in expected)
        {
            var index = Array.FindIndex(calls, from, c => c.Contains(fragment, StringComparison.Ordinal));
            Assert.True(index >= 0, $"no call with \"{fragment}\" after call {from}; calls:\n{string.Join('\n', calls)}");
            from = index + 1;
        }
    }
}
