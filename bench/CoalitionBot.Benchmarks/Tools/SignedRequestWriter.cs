using System.Text;

namespace CoalitionBot.Benchmarks.Tools;

/// sign --keys DIR --kind ping|channels --count N --out FILE
/// One request a line: timestamp TAB signature-hex TAB body. Signed now, so the file is good for the
/// server's five-minute window: write it just before the run.
internal static class SignedRequestWriter
{
    public static int Run(string[] args)
    {
        var arguments = new Arguments(args);
        using var key = KeyFiles.Load(arguments.Get("keys"));
        var kind = arguments.Get("kind");
        var count = arguments.GetInt("count", 256);
        var timestamp = BenchPayloads.Now(TimeProvider.System);
        var lines = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var id = 1417203399112230000 + i;
            var body = kind switch
            {
                "ping" => BenchPayloads.Ping(id),
                "channels" => BenchPayloads.Channels(id),
                _ => throw new ArgumentException($"Unknown kind {kind}."),
            };
            var signature = BenchPayloads.Sign(key, timestamp, Encoding.UTF8.GetBytes(body));
            lines.Append(timestamp).Append('\t').Append(signature).Append('\t').Append(body).Append('\n');
        }

        File.WriteAllText(arguments.Get("out"), lines.ToString());
        return 0;
    }
}
