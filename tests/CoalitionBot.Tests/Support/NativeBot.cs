using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace CoalitionBot.Tests.Support;

/// The published native binary as a real process, configured through environment variables the
/// way an operator configures it (Section__Key), with its output kept for failure messages.
internal sealed class NativeBot : IAsyncDisposable
{
    private const int SigTerm = 15;
    private readonly Process process;
    private readonly StringBuilder output = new();

    private NativeBot(string binary, string workingDirectory, IReadOnlyDictionary<string, string?> settings, IReadOnlyList<string> arguments, int? port, Launcher? launcher)
    {
        var start = new ProcessStartInfo(launcher?.Program ?? binary, launcher is null ? arguments : [.. launcher.Arguments, binary, .. arguments])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Urls"] = port is { } listening ? $"http://127.0.0.1:{listening}" : "http://127.0.0.1:0";
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.Start();
        try
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }
        catch
        {
            // A constructor that throws leaves nobody to dispose the process: it must not outlive the test.
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }

        // Cookies are the test's business: the admin session cookie is Secure, and this is plain HTTP.
        Client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = port is { } served ? new Uri($"http://127.0.0.1:{served}") : null,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// The process started: the bot, or the launcher running it (qemu-user maps the bot's libraries
    /// into its own address space, so /proc/ID/maps names them either way).
    public int ProcessId => process.Id;

    /// A client for the bot's address (only for a serving bot), without cookie handling or redirects.
    public HttpClient Client { get; }

    /// Everything the process printed so far.
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// Starts the bot serving on a free loopback port and waits until it answers HTTP.
    /// <paramref name="launcher"/> runs a binary built for another architecture (an emulator).
    public static async Task<NativeBot> ServeAsync(
        string binary, string workingDirectory, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken, Launcher? launcher = null)
    {
        var bot = new NativeBot(binary, workingDirectory, settings, [], FreePort(), launcher);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(launcher is null ? 30 : 120));
        try
        {
            while (true)
            {
                Assert.False(bot.process.HasExited, $"the native bot exited with code {(bot.process.HasExited ? bot.process.ExitCode : 0)} before serving:\n{bot.Output}");
                try
                {
                    using var response = await bot.Client.GetAsync(new Uri("/healthz", UriKind.Relative), timeout.Token);
                    return bot;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(20, timeout.Token);
                }
            }
        }
        catch
        {
            // Not serving in time: the caller never gets the bot to dispose, so it is stopped here.
            await bot.DisposeAsync();
            throw;
        }
    }

    /// Runs a subcommand to its end: its exit code and everything it printed.
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string binary, string workingDirectory, IReadOnlyDictionary<string, string?> settings, IReadOnlyList<string> arguments, CancellationToken cancellationToken,
        Launcher? launcher = null)
    {
        await using var run = new NativeBot(binary, workingDirectory, settings, arguments, port: null, launcher);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(launcher is null ? 60 : 180));
        await run.process.WaitForExitAsync(timeout.Token);
        return (run.process.ExitCode, run.Output);
    }

    /// Stops the bot as Docker does (SIGTERM) and checks that it shut down with exit code 0 and
    /// logged no error on the way (an error the bot survives is still a broken path).
    public async Task StopCleanlyAsync(CancellationToken cancellationToken)
    {
        Assert.False(process.HasExited, "the native bot died before it was stopped:\n" + Output);
        Assert.Equal(0, Kill(process.Id, SigTerm));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}:\n{Output}");
        Assert.DoesNotMatch(@"\b(fail|crit): ", Output);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Client.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Process.Kill sends SIGKILL; a graceful stop needs SIGTERM, which only libc's kill(2) sends.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}

/// A program that runs the binary for it (qemu-user for an arm64 build on an x64 machine).
internal sealed record Launcher(string Program, IReadOnlyList<string> Arguments);
