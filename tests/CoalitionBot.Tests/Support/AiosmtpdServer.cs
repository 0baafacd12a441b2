using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace CoalitionBot.Tests.Support;

/// A real SMTP server process: aiosmtpd (Debian package python3-aiosmtpd) with its Mailbox
/// handler, writing what it receives to a maildir. Missing tools fail the test, never skip it.
internal sealed class AiosmtpdServer : IAsyncDisposable
{
    public const string Python = "/usr/bin/python3";
    private Process? process;

    private AiosmtpdServer(int port, string maildir)
    {
        Port = port;
        Maildir = maildir;
    }

    public int Port { get; }

    public string Maildir { get; }

    /// A free port with nothing listening yet: start the server on it later ("SMTP down, then up").
    public static AiosmtpdServer Reserve(string folder) => new(FreePort(), Path.Combine(folder, "maildir"));

    public static async Task<AiosmtpdServer> StartAsync(string folder, CancellationToken cancellationToken)
    {
        var server = Reserve(folder);
        await server.StartAsync(cancellationToken);
        return server;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Python) || !await ModuleAvailableAsync(cancellationToken))
        {
            Assert.Fail("The end-to-end SMTP test needs aiosmtpd: apt-get install -y python3-aiosmtpd (it runs as /usr/bin/python3 -m aiosmtpd).");
        }

        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start");
        // Wait until it accepts connections: bounded, and not a timing assertion.
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (process.HasExited)
            {
                Assert.Fail("aiosmtpd exited: " + await process.StandardError.ReadToEndAsync(cancellationToken));
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        Assert.Fail($"aiosmtpd did not listen on port {Port}");
    }

    public IReadOnlyList<MimeMessage> Messages()
    {
        var folder = Path.Combine(Maildir, "new");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(path => MimeMessage.Load(path)).ToList()
            : [];
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process?.Dispose();
    }

    private static async Task<bool> ModuleAvailableAsync(CancellationToken cancellationToken)
    {
        var check = new ProcessStartInfo(Python, "-c \"import aiosmtpd\"") { RedirectStandardError = true, UseShellExecute = false };
        using var probe = Process.Start(check);
        if (probe is null)
        {
            return false;
        }

        await probe.WaitForExitAsync(cancellationToken);
        return probe.ExitCode == 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
