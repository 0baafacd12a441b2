using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CoalitionBot.Tests.Configuration;

/// The binary as an operator runs it: mistakes on the command line get one line and a non-zero exit.
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

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] arguments, int? port)
    {
        var data = Directory.CreateTempSubdirectory("coalitionbot-cli-").FullName;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CoalitionBot.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = data,
            Environment =
            {
                ["Storage__Path"] = Path.Combine(data, "bot.db"),
                ["Urls"] = $"http://127.0.0.1:{port ?? 0}",
                ["DOTNET_NOLOGO"] = "1",
            },
        };
        using var process = Process.Start(start)!;
        // A bot that wrongly starts serving would never end: the timeout covers the reads too.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        using var kill = timeout.Token.Register(() => process.Kill(entireProcessTree: true));
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Directory.Delete(data, recursive: true);
        return (process.ExitCode, output + await errors);
    }
}
