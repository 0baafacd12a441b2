using System.Diagnostics;
using System.Globalization;

namespace CoalitionBot.Benchmarks.Tools;

/// startup --exe PATH --keys DIR --url URL [--runs N] [--settle S]
/// Starts the bot (environment inherited), polls with a signed PING every few milliseconds and
/// reports the time from Process.Start to the first 200 PONG; then, after S seconds of idling, the
/// process's RSS. Run 0 only warms the page cache and this client, and is not counted.
internal static class StartupProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new Arguments(args);
        var exe = arguments.Get("exe");
        var url = new Uri(arguments.Get("url"));
        var runs = arguments.GetInt("runs", 3);
        var settle = TimeSpan.FromSeconds(arguments.GetDouble("settle", 5));
        var requestFile = Path.Combine(arguments.Get("keys"), "startup-ping.tsv");
        SignedRequestWriter.Run(["--keys", arguments.Get("keys"), "--kind", "ping", "--count", "1", "--out", requestFile]);
        var ping = SignedRequest.ReadAll(requestFile)[0];

        using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(1) }) { Timeout = TimeSpan.FromSeconds(5) };
        List<double> times = [];
        List<IReadOnlyDictionary<string, long>> memory = [];
        for (var run = 0; run <= runs; run++)
        {
            using var process = new Process { StartInfo = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true } };
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            var clock = Stopwatch.StartNew();
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                while (!await IsPongAsync(http, ping, url))
                {
                    if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(30))
                    {
                        await Console.Error.WriteLineAsync($"The bot did not answer a PING (exited: {process.HasExited}).");
                        return 1;
                    }

                    await Task.Delay(2);
                }

                var elapsed = clock.Elapsed.TotalMilliseconds;
                if (process.HasExited)
                {
                    await Console.Error.WriteLineAsync("Another process answered the PING: is the port in use?");
                    return 1;
                }

                if (run > 0)
                {
                    times.Add(elapsed);
                    await Task.Delay(settle);
                    memory.Add(ProcStatus.Read(process.Id));
                }

                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"startup run {run}: first good PING after {elapsed:F0} ms"));
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        Print("startup_ms", times.Order().ElementAt(times.Count / 2));
        Print("startup_ms_all", string.Join(' ', times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture))));
        foreach (var field in new[] { "VmRSS", "RssAnon", "RssFile", "RssShmem", "VmHWM" })
        {
            Print("idle_" + field + "_kib", memory.Select(m => m.GetValueOrDefault(field)).Order().ElementAt(memory.Count / 2));
        }

        return 0;
    }

    private static async Task<bool> IsPongAsync(HttpClient http, SignedRequest ping, Uri url)
    {
        try
        {
            using var request = ping.ToMessage(url);
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode && body.Contains("\"type\":1", StringComparison.Ordinal);
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static void Print(string key, object value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key}={value}"));
}
