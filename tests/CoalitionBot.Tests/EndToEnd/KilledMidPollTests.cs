using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoalitionBot.Tests.EndToEnd;

/// The bot as a real process, killed (SIGKILL) in the middle of its first poll and started again:
/// the LiteDB file ends with exactly the server's messages, nothing lost and nothing twice.
[Trait("Category", "Process")]
public sealed class KilledMidPollTests
{
    private const string AdminToken = "an-admin-token-for-the-process-test";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_process_killed_in_the_middle_of_a_poll_and_restarted_stores_every_message_once()
    {
        using var guild = new GuildFake();
        var sample = new SampleGuild(guild);
        var big = guild.AddChannel("gros-salon");
        guild.AddMessages(big, 1200, guild.Now.AddHours(-2), sample.Camille, sample.Jules);
        guild.Map();
        using var folder = new TempDirectory("coalitionbot-kill-");
        var data = folder.Path;
        var pages = 0;
        Process? running = null;
        guild.BeforeAnswer = request =>
        {
            // The fifth page of the big channel: the process dies before Discord answers it.
            if (request.Path.EndsWith($"/channels/{big.Id}/messages", StringComparison.Ordinal) && Interlocked.Increment(ref pages) == 5)
            {
                running?.Kill(entireProcessTree: true);
            }
        };

        running = StartBot(guild, data, out _);
        await running.WaitForExitAsync(Token).WaitAsync(TimeSpan.FromSeconds(60), Token);
        var storedBeforeRestart = CountStored(data);
        guild.BeforeAnswer = null;

        using var restarted = StartBot(guild, data, out var port);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        await WaitUntilServingAsync(client);
        using var poll = await client.PostAsync(new Uri("/admin/api/poll", UriKind.Relative), null, Token);
        var summary = await poll.Content.ReadAsStringAsync(Token);
        restarted.Kill(entireProcessTree: true);
        await restarted.WaitForExitAsync(Token);

        Assert.True(running.ExitCode != 0, "the first process was killed, not stopped");
        Assert.InRange(storedBeforeRestart, 1, guild.AllMessages.Count() - 1);
        Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
        Assert.Contains("\"completed\"", summary, StringComparison.Ordinal);
        Assert.Equal(guild.AllMessages.Select(m => m.Id).Order(), StoredIds(data));
        Assert.Empty(guild.UnmatchedRequests);
    }

    private static Process StartBot(GuildFake guild, string data, out int port)
    {
        port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CoalitionBot.dll")])
        {
            WorkingDirectory = data,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Discord__ApiBaseUrl"] = guild.BaseUrl,
                ["Discord__GuildId"] = guild.Guild.ToString(CultureInfo.InvariantCulture),
                ["Discord__BotToken"] = GuildFake.Token,
                ["Admin__Token"] = AdminToken,
                ["Storage__Path"] = Path.Combine(data, "coalitionbot.db"),
                ["Urls"] = $"http://127.0.0.1:{port}",
                ["DOTNET_NOLOGO"] = "1",
            },
        };
        var process = Process.Start(start)!;
        // Drain the output so the process never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilServingAsync(HttpClient client)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), timeout.Token);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50, timeout.Token);
            }
        }
    }

    private static int CountStored(string data) => StoredIds(data).Count;

    private static List<ulong> StoredIds(string data)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new StorageOptions { Path = Path.Combine(data, "coalitionbot.db") });
        using var database = new Database(options, NullLogger<Database>.Instance);
        return [.. new MessageStore(database).InPeriod(DateTimeOffset.MinValue, DateTimeOffset.MaxValue).Select(m => m.Id).Order()];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
