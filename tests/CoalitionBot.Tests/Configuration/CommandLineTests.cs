using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CoalitionBot.Tests.Configuration;

/// The binary as an operator runs it: mistakes on the command line get one line and a non-zero exit.
[Trait("Category", "Process")]
public sealed class CommandLineTests
{
    [Fact]
    public async Task An_unknown_command_is_refused_instead_of_starting_a_server()
    {
        var (exitCode, output) = await RunAsync(["digest-preview"], port: null);

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown command \"digest-preview\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_and_version_print_and_exit_0_without_starting_anything()
    {
        var (helpExit, help) = await RunAsync(["--help"], port: null);
        var (shortExit, shortHelp) = await RunAsync(["-h"], port: null);
        var (versionExit, version) = await RunAsync(["--version"], port: null);

        Assert.Equal((0, 0, 0), (helpExit, shortExit, versionExit));
        Assert.StartsWith("Usage: CoalitionBot [COMMAND]", help, StringComparison.Ordinal);
        Assert.Contains("register-commands", help, StringComparison.Ordinal);
        Assert.Contains("digest --preview [--date YYYY-MM-DD] [--sample]", help, StringComparison.Ordinal);
        Assert.Equal(help, shortHelp);
        Assert.Matches(@"^CoalitionBot [0-9]+\.[0-9]+\.[0-9]+\s*$", version);
        Assert.DoesNotContain("Now listening", help + version, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--port")]
    [InlineData("-v")]
    [InlineData("--verbose")]
    public async Task Any_other_option_before_a_command_is_refused_in_one_line_with_exit_code_2(string option)
    {
        var (exitCode, output) = await RunAsync([option, "register-commands"], port: null);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Unknown option \"{option}\": the options are --help and --version", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Digest:Language=en", true)]
    [InlineData("--urls=http://127.0.0.1:5080", true)]
    [InlineData("--environment=Testing", true)]
    [InlineData("--verbose", false)]
    [InlineData("--port=5080", false)]
    [InlineData("--Digest:Language", false)]
    [InlineData("-h", false)]
    public void Settings_on_the_command_line_are_told_apart_from_options(string argument, bool setting) =>
        Assert.Equal(setting, CommandLine.IsSetting(argument));

    [Fact]
    public async Task A_port_already_taken_stops_the_bot_with_one_clear_line()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, output) = await RunAsync([], port);

        Assert.Equal(1, exitCode);
        Assert.Contains($"Cannot listen on http://127.0.0.1:{port}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        // One line: not the host's own report of the same failure, with its stack trace, before it.
        Assert.Single(output.Split('\n'), line => line.Contains("address already in use", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(" at Microsoft.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_the_bot_serves_a_preview_and_a_second_bot_are_refused_in_one_line_and_a_killed_bot_blocks_nothing()
    {
        using var data = new Support.TempDirectory("coalitionbot-cli-lock-");
        using var running = Process.Start(Start([], FreePort(), data.Path))!;
        running.OutputDataReceived += (_, _) => { };
        running.ErrorDataReceived += (_, _) => { };
        running.BeginOutputReadLine();
        running.BeginErrorReadLine();
        try
        {
            await WaitUntilServingAsync(data.Path);

            var (previewExit, previewOutput) = await RunAsync(["digest", "--preview"], port: null, data.Path);
            var (secondExit, secondOutput) = await RunAsync([], FreePort(), data.Path);

            foreach (var (exit, output) in new[] { (previewExit, previewOutput), (secondExit, secondOutput) })
            {
                Assert.Equal(1, exit);
                var line = Assert.Single(output.Split('\n'), l => l.Contains("is in use by", StringComparison.Ordinal));
                Assert.Contains($"is in use by the running bot (pid {running.Id} on {Environment.MachineName}, since ", line, StringComparison.Ordinal);
                Assert.Contains("stop it first (docker compose stop bot)", line, StringComparison.Ordinal);
                Assert.DoesNotContain(" at ", output, StringComparison.Ordinal);
            }
        }
        finally
        {
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        // SIGKILL: nothing cleaned up its lock file, and the next process opens the database all the same.
        var (afterCrashExit, afterCrashOutput) = await RunAsync(["digest", "--preview", "--date", "2026-11-23"], port: null, data.Path);
        Assert.True(afterCrashExit == 0, afterCrashOutput);
        Assert.True(File.Exists(Path.Combine(data.Path, "bot.db.lock")));
    }

    private static ProcessStartInfo Start(string[] arguments, int port, string data) =>
        new("dotnet", [Path.Combine(AppContext.BaseDirectory, "CoalitionBot.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = data,
            Environment =
            {
                ["Storage__Path"] = Path.Combine(data, "bot.db"),
                ["Urls"] = $"http://127.0.0.1:{port}",
                ["DOTNET_NOLOGO"] = "1",
            },
        };

    private static async Task WaitUntilServingAsync(string data)
    {
        // The bot takes the lock as it starts, before it serves: wait for its note beside the database.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (!File.Exists(Path.Combine(data, "bot.db.owner")))
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] arguments, int? port, string? shared = null)
    {
        var data = shared ?? Directory.CreateTempSubdirectory("coalitionbot-cli-").FullName;
        using var process = Process.Start(Start(arguments, port ?? 0, data))!;
        // A bot that wrongly starts serving would never end: the timeout covers the reads too.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        using var kill = timeout.Token.Register(() => process.Kill(entireProcessTree: true));
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (shared is null)
        {
            Directory.Delete(data, recursive: true);
        }

        return (process.ExitCode, output + await errors);
    }
}
