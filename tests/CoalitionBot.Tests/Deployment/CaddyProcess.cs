using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace CoalitionBot.Tests.Deployment;

/// <summary>One `caddy run` of the repository's Caddyfile on free loopback ports, and an HTTPS client that trusts only its CA.</summary>
public sealed class CaddyProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly StringBuilder output;

    private CaddyProcess(Process process, StringBuilder output, string rootCertificatePath, int httpPort, int httpsPort)
    {
        this.process = process;
        this.output = output;
        HttpPort = httpPort;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                    IsIssuedByCaddy(rootCertificatePath, certificate, chain, errors),
            },
        };
        Client = new HttpClient(handler) { BaseAddress = new Uri($"https://localhost:{httpsPort}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>A client for https://localhost:PORT that accepts only certificates chaining to this Caddy's local root.</summary>
    public HttpClient Client { get; }

    public int HttpPort { get; }

    /// <summary>What Caddy printed so far (its JSON logs, access logs included): attached to failures.</summary>
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

    public static string? FindBinary() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "caddy"))
            .FirstOrDefault(File.Exists);

    public static async Task<string> HashPasswordAsync(string caddy, string password, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(caddy) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("hash-password");
        info.ArgumentList.Add("--plaintext");
        info.ArgumentList.Add(password);
        using var hashing = Process.Start(info)!;
        var hash = await hashing.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = await hashing.StandardError.ReadToEndAsync(cancellationToken);
        await hashing.WaitForExitAsync(cancellationToken);
        return hashing.ExitCode == 0 ? hash.Trim() : throw new InvalidOperationException("caddy hash-password failed: " + errors);
    }

    public static async Task<CaddyProcess> StartAsync(
        string caddy, string repository, DirectoryInfo state, string botUpstream, string? adminMode, string passwordHash, CancellationToken cancellationToken)
    {
        var httpPort = FreePort();
        var httpsPort = FreePort();
        var info = new ProcessStartInfo(caddy)
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "run", "--config", Path.Combine(repository, "Caddyfile"), "--adapter", "caddyfile" })
        {
            info.ArgumentList.Add(argument);
        }

        // Everything the Caddyfile reads, set here so nothing leaks in from the environment.
        info.Environment["DOMAIN"] = "localhost";
        info.Environment["ACME_EMAIL"] = "deployment-test@example.org";
        info.Environment["BOT_UPSTREAM"] = botUpstream;
        // No mode: the Caddyfile's own default, as a deployment that leaves ADMIN_MODE out of .env gets.
        if (adminMode is null)
        {
            info.Environment.Remove("ADMIN_MODE");
        }
        else
        {
            info.Environment["ADMIN_MODE"] = adminMode;
        }

        info.Environment["ADMIN_USER"] = CaddyFixture.BasicUser;
        info.Environment["ADMIN_PASSWORD_HASH"] = passwordHash;
        info.Environment["CADDY_HTTP_PORT"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["CADDY_HTTPS_PORT"] = httpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["CADDY_ADMIN"] = "off";
        // Caddy's certificates and CA stay in the test's own folder.
        info.Environment["HOME"] = state.FullName;
        info.Environment["XDG_DATA_HOME"] = Path.Combine(state.FullName, "data");
        info.Environment["XDG_CONFIG_HOME"] = Path.Combine(state.FullName, "config");

        var output = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var rootCertificate = Path.Combine(state.FullName, "data", "caddy", "pki", "authorities", "local", "root.crt");
        var started = new CaddyProcess(process, output, rootCertificate, httpPort, httpsPort);
        try
        {
            await started.WaitUntilServingAsync(cancellationToken);
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartupTimeout);
        Exception? last = null;
        while (!timeout.IsCancellationRequested)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"caddy exited with code {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Client.GetAsync("/healthz", timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = new HttpRequestException($"GET /healthz answered {(int)response.StatusCode}");
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException)
            {
                last = exception;
            }

            await Task.Delay(200, CancellationToken.None);
        }

        throw new TimeoutException($"caddy did not serve /healthz within {StartupTimeout.TotalSeconds} s ({last?.Message}):\n{Output}");
    }

    private static bool IsIssuedByCaddy(string rootCertificatePath, System.Security.Cryptography.X509Certificates.X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null || !File.Exists(rootCertificatePath) || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var root = X509CertificateLoader.LoadCertificateFromFile(rootCertificatePath);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
