using System.Diagnostics;

namespace CoalitionBot.Tests.Support;

/// The published native AOT executable, found once per test run: ./test.sh publishes it and names
/// it in COALITIONBOT_AOT_BINARY; without that variable the fixture publishes it itself with
/// scripts/publish.sh (Release, into native-aot/ under the test output). A missing or failed build
/// fails the tests, never skips them.
public sealed class NativeBinary : IAsyncLifetime
{
    public const string Variable = "COALITIONBOT_AOT_BINARY";

    public string Path { get; private set; } = "";

    public async ValueTask InitializeAsync() => Path = await FindOrPublishAsync(Variable, "native-aot", architecture: null);

    /// The binary named by the environment variable ./test.sh sets, or, without it, one published
    /// now into <paramref name="folder"/> under the test output (for this machine, or another
    /// architecture; native AOT, or the ReadyToRun build with <paramref name="readyToRun"/>).
    internal static async Task<string> FindOrPublishAsync(string variable, string folder, string? architecture, bool readyToRun = false)
    {
        var given = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(given))
        {
            Assert.True(File.Exists(given), $"{variable}={given}, but there is no such file: the publish before dotnet test failed.");
            return given;
        }

        var output = System.IO.Path.Combine(AppContext.BaseDirectory, folder);
        Console.Error.WriteLine($"{variable} is not set: publishing the binary{(architecture is null ? "" : " for " + architecture)} into {output} (1 to 3 minutes, once per test run)…");
        await PublishAsync(output, architecture, readyToRun);
        var binary = System.IO.Path.Combine(output, "CoalitionBot");
        Assert.True(File.Exists(binary), $"dotnet publish succeeded but wrote no {binary}.");
        return binary;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// scripts/publish.sh (the publish ./test.sh, the Dockerfile and the tarballs use) into
    /// <paramref name="output"/>, for this machine or another architecture (arm64).
    private static async Task PublishAsync(string output, string? architecture, bool readyToRun)
    {
        var script = System.IO.Path.Combine(RepositoryPaths.Root, "scripts", "publish.sh");
        string[] options = [.. architecture is null ? Array.Empty<string>() : ["--arch", architecture], .. readyToRun ? ["--r2r"] : Array.Empty<string>()];
        var start = new ProcessStartInfo("bash", [script, output, .. options])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host runs under dotnet test: its MSBuild variables would steer the nested build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        var log = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"scripts/publish.sh {string.Join(' ', options)} failed (exit {process.ExitCode}; native AOT needs clang and zlib1g-dev, and for arm64 gcc-aarch64-linux-gnu and zlib1g-dev:arm64):\n{log}\n{await errors}");
    }
}
