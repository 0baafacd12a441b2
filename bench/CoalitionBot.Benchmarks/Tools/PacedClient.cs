using System.Diagnostics;
using System.Globalization;

namespace CoalitionBot.Benchmarks.Tools;

/// paced --url URL --requests FILE --rate R --seconds S [--warmup W] [--connections C] [--prefix P]
/// An open-loop client: request i is due at start + i/R whatever happened before, and its latency
/// runs from that due time to the end of the response (so a stalled server is not hidden by a
/// client that waited for it: no coordinated omission). Prints key=value lines.
internal static class PacedClient
{
    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new Arguments(args);
        var url = new Uri(arguments.Get("url"));
        var requests = SignedRequest.ReadAll(arguments.Get("requests"));
        var rate = arguments.GetDouble("rate", 500);
        var prefix = arguments.Get("prefix", "paced");
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = arguments.GetInt("connections", 32),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        });

        await RunPhaseAsync(http, url, requests, rate, arguments.GetDouble("warmup", 5));
        var (latencies, errors, elapsed) = await RunPhaseAsync(http, url, requests, rate, arguments.GetDouble("seconds", 15));
        Array.Sort(latencies);
        Print(prefix + "_requests", latencies.Length);
        Print(prefix + "_errors", errors);
        Print(prefix + "_achieved_rps", (latencies.Length / elapsed).ToString("F0", CultureInfo.InvariantCulture));
        foreach (var (name, quantile) in new[] { ("p50", 0.50), ("p90", 0.90), ("p99", 0.99), ("p999", 0.999), ("max", 1.0) })
        {
            var index = Math.Min(latencies.Length - 1, (int)Math.Ceiling(quantile * latencies.Length) - 1);
            Print($"{prefix}_{name}_ms", latencies[Math.Max(0, index)].ToString("F3", CultureInfo.InvariantCulture));
        }

        return errors == 0 ? 0 : 1;
    }

    private static async Task<(double[] Latencies, int Errors, double Seconds)> RunPhaseAsync(
        HttpClient http, Uri url, SignedRequest[] requests, double rate, double seconds)
    {
        var count = (int)(rate * seconds);
        var latencies = new double[count];
        var errors = 0;
        var tasks = new Task[count];
        var interval = Stopwatch.Frequency / rate;
        var oneMillisecond = Stopwatch.Frequency / 1000;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = start + (long)(i * interval);
            while (due - Stopwatch.GetTimestamp() > oneMillisecond + (oneMillisecond / 2))
            {
                Thread.Sleep(1);
            }

            while (Stopwatch.GetTimestamp() < due)
            {
                Thread.SpinWait(20);
            }

            var index = i;
            tasks[i] = Task.Run(async () =>
            {
                if (!await SendAsync(http, url, requests[index % requests.Length]))
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
            });
        }

        await Task.WhenAll(tasks);
        return (latencies, errors, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    private static async Task<bool> SendAsync(HttpClient http, Uri url, SignedRequest request)
    {
        try
        {
            using var message = request.ToMessage(url);
            using var response = await http.SendAsync(message);
            await response.Content.ReadAsByteArrayAsync();
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static void Print(string key, object value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key}={value}"));
}
