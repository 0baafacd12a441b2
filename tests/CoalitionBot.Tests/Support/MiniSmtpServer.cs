using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CoalitionBot.Tests.Support;

/// A protocol-level SMTP server on 127.0.0.1 and a free port, for unit tests: EHLO, AUTH PLAIN and
/// LOGIN, MAIL, RCPT, DATA (with dot-unstuffing), RSET, NOOP, QUIT. No TLS.
internal sealed class MiniSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;

    public MiniSmtpServer(bool requireAuth = false, string? user = null, string? password = null)
    {
        RequireAuth = requireAuth;
        User = user;
        Password = password;
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public bool RequireAuth { get; }

    public string? User { get; }

    public string? Password { get; }

    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    public ConcurrentQueue<string> AuthenticatedAs { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token);
            _ = Task.Run(() => ServeAsync(client), stopping.Token);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost mini SMTP");
        string? from = null;
        List<string> to = [];
        var authenticated = false;
        while (await reader.ReadLineAsync(stopping.Token) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-localhost");
                    await writer.WriteLineAsync("250-8BITMIME");
                    await writer.WriteLineAsync("250 AUTH PLAIN LOGIN");
                    break;
                case "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "AUTH":
                    authenticated = await AuthenticateAsync(line, reader, writer);
                    break;
                case "MAIL" when RequireAuth && !authenticated:
                    await writer.WriteLineAsync("530 5.7.0 Authentication required");
                    break;
                case "MAIL":
                    from = Address(line);
                    to.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    to.Add(Address(line));
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(stopping.Token) is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    }

                    Received.Enqueue(new ReceivedMail(from ?? "", [.. to], Encoding.Latin1.GetBytes(data.ToString())));
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "RSET":
                case "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 Command not implemented");
                    break;
            }
        }
    }

    private async Task<bool> AuthenticateAsync(string line, StreamReader reader, StreamWriter writer)
    {
        var parts = line.Split(' ');
        string user, password;
        if (parts.Length >= 2 && parts[1].Equals("PLAIN", StringComparison.OrdinalIgnoreCase))
        {
            var payload = parts.Length > 2 ? parts[2] : await Challenge("", reader, writer);
            var fields = Encoding.UTF8.GetString(Convert.FromBase64String(payload)).Split('\0');
            (user, password) = (fields[1], fields[2]);
        }
        else if (parts.Length >= 2 && parts[1].Equals("LOGIN", StringComparison.OrdinalIgnoreCase))
        {
            user = Encoding.UTF8.GetString(Convert.FromBase64String(parts.Length > 2 ? parts[2] : await Challenge("VXNlcm5hbWU6", reader, writer)));
            password = Encoding.UTF8.GetString(Convert.FromBase64String(await Challenge("UGFzc3dvcmQ6", reader, writer)));
        }
        else
        {
            await writer.WriteLineAsync("504 Unrecognized authentication type");
            return false;
        }

        if (user == User && password == Password)
        {
            AuthenticatedAs.Enqueue(user);
            await writer.WriteLineAsync("235 2.7.0 Authentication successful");
            return true;
        }

        await writer.WriteLineAsync("535 5.7.8 Authentication credentials invalid");
        return false;
    }

    private async Task<string> Challenge(string prompt, StreamReader reader, StreamWriter writer)
    {
        await writer.WriteLineAsync("334 " + prompt);
        return await reader.ReadLineAsync(stopping.Token) ?? "";
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : "";
    }
}

internal sealed record ReceivedMail(string From, IReadOnlyList<string> To, byte[] Data)
{
    public MimeKit.MimeMessage Parse() => MimeKit.MimeMessage.Load(new MemoryStream(Data));
}
