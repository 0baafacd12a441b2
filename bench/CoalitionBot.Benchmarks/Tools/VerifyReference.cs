using System.Diagnostics;
using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace CoalitionBot.Benchmarks.Tools;

/// verify-ref --seconds S: the cost of one NSec Ed25519 verify on one core, in process CPU time
/// (the unit the server's CPU per request is measured in) and in wall time. Prints key=value lines.
internal static class VerifyReference
{
    public static int Run(string[] args)
    {
        var seconds = new Arguments(args).GetDouble("seconds", 3);
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var body = Encoding.UTF8.GetBytes("1732480000" + BenchPayloads.Channels());
        var signature = SignatureAlgorithm.Ed25519.Sign(key, body);
        var publicKey = key.PublicKey;

        Loop(publicKey, body, signature, TimeSpan.FromSeconds(0.5));
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var calls = Loop(publicKey, body, signature, TimeSpan.FromSeconds(seconds));
        wall.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"verify_calls={calls}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"verify_cpu_us={cpu.TotalMicroseconds / calls:F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"verify_wall_us={wall.Elapsed.TotalMicroseconds / calls:F2}"));
        return 0;
    }

    private static long Loop(PublicKey publicKey, byte[] message, byte[] signature, TimeSpan duration)
    {
        long calls = 0;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            for (var i = 0; i < 100; i++)
            {
                if (!SignatureAlgorithm.Ed25519.Verify(publicKey, message, signature))
                {
                    throw new InvalidOperationException("The reference signature did not verify.");
                }
            }

            calls += 100;
        }

        return calls;
    }
}
