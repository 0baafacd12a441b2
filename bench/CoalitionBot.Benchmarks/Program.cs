using BenchmarkDotNet.Running;
using CoalitionBot.Benchmarks.Tools;

// Micro-benchmarks by default (BenchmarkDotNet's own arguments); the load harness's helpers as verbs.
return args.FirstOrDefault() switch
{
    "keygen" => KeyFiles.Generate(args[1..]),
    "sign" => SignedRequestWriter.Run(args[1..]),
    "verify-ref" => VerifyReference.Run(args[1..]),
    "startup" => await StartupProbe.RunAsync(args[1..]),
    "paced" => await PacedClient.RunAsync(args[1..]),
    "bare-server" => await BareServer.RunAsync(args[1..]),
    "fake-discord" => await FakeDiscord.RunAsync(args[1..]),
    "report" => ReportWriter.Run(args[1..]),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(KeyFiles).Assembly).Run(args);
    return 0;
}
