using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace CoalitionBot.Tests.Support;

/// A real SMTP server process: aiosmtpd (Debian package python3-aiosmtpd) with its Mailbox
/// handler, writing what it receives to a maildir. Plain by default; with an
/// <see cref="AiosmtpdSetup"/>, it speaks implicit TLS or STARTTLS with the test's certificate and
/// takes AUTH, recording every attempt. Missing tools fail the test, never skip it.
internal sealed class AiosmtpdServer : IAsyncDisposable
{
    public const string Python = "/usr/bin/python3";
    private readonly AiosmtpdSetup? setup;
    private readonly string folder;
    private Process? process;

    private AiosmtpdServer(int port, string folder, AiosmtpdSetup? setup)
    {
        Port = port;
        this.folder = folder;
        this.setup = setup;
        Maildir = Path.Combine(folder, "maildir");
    }

    public int Port { get; }

    public string Maildir { get; }

    private string AuthLog => Path.Combine(folder, "auth-attempts.jsonl");

    /// A free port with nothing listening yet: start the server on it later ("SMTP down, then up").
    public static AiosmtpdServer Reserve(string folder, AiosmtpdSetup? setup = null) => new(FreePort(), folder, setup);

    public static async Task<AiosmtpdServer> StartAsync(string folder, CancellationToken cancellationToken, AiosmtpdSetup? setup = null)
    {
        var server = Reserve(folder, setup);
        await server.StartAsync(cancellationToken);
        return server;
    }

    /// Every AUTH the server received, in order: what the client sent, and whether it came over TLS.
    public IReadOnlyList<AuthAttempt> AuthAttempts() =>
        File.Exists(AuthLog)
            ? File.ReadAllLines(AuthLog).Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
                .Select(e => new AuthAttempt(e.GetProperty("login").GetString()!, e.GetProperty("password").GetString()!, e.GetProperty("tls").GetBoolean()))
                .ToList()
            : [];

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
        foreach (var argument in Arguments())
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

    private string[] Arguments()
    {
        if (setup is null)
        {
            return ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir];
        }

        // The command line cannot turn AUTH on, so a small script composes the same server.
        var script = Path.Combine(folder, "aiosmtpd-tls.py");
        File.WriteAllText(script, Script);
        var mode = setup.Mode switch
        {
            AiosmtpdMode.ImplicitTls => "implicit",
            AiosmtpdMode.StartTls => "starttls",
            _ => "plain",
        };
        return [script, "127.0.0.1", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), Maildir, mode,
            setup.CertificateFile ?? "", setup.KeyFile ?? "", setup.User ?? "", setup.Password ?? "", AuthLog];
    }

    /// plain: no TLS, and AUTH offered in clear (the server a man in the middle would show);
    /// starttls: STARTTLS offered and required before AUTH and MAIL; implicit: TLS from the first byte.
    private const string Script = """
        import asyncio, json, signal, ssl, sys
        from functools import partial
        from aiosmtpd.handlers import Mailbox
        from aiosmtpd.smtp import SMTP, AuthResult

        host, port, maildir, mode, cert, key, user, password, log = sys.argv[1:10]

        def authenticator(server, session, envelope, mechanism, auth_data):
            login = auth_data.login.decode("utf-8", "replace")
            secret = auth_data.password.decode("utf-8", "replace")
            tls = server.transport.get_extra_info("ssl_object") is not None
            with open(log, "a", encoding="utf-8") as out:
                out.write(json.dumps({"login": login, "password": secret, "tls": tls}) + "\n")
            return AuthResult(success=bool(user) and login == user and secret == password)

        context = None
        if mode != "plain":
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(cert, key)

        factory = partial(SMTP, Mailbox(maildir), hostname="smtp.test",
                          tls_context=context if mode == "starttls" else None,
                          require_starttls=(mode == "starttls"),
                          authenticator=authenticator,
                          auth_require_tls=(mode == "starttls"))
        loop = asyncio.new_event_loop()
        server = loop.run_until_complete(loop.create_server(factory, host=host, port=int(port), ssl=context if mode == "implicit" else None))
        loop.add_signal_handler(signal.SIGTERM, loop.stop)
        loop.run_forever()
        """;

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

internal enum AiosmtpdMode
{
    Plain,
    StartTls,
    ImplicitTls,
}

/// A scripted server: its TLS mode, certificate and key (PEM files), and the one account AUTH accepts.
internal sealed record AiosmtpdSetup(AiosmtpdMode Mode, string? CertificateFile = null, string? KeyFile = null, string? User = null, string? Password = null);

internal sealed record AuthAttempt(string Login, string Password, bool OverTls);
