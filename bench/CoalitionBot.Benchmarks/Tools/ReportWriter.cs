using System.Globalization;
using System.Text;

namespace CoalitionBot.Benchmarks.Tools;

/// report --results DIR --out FILE [--notes FILE]
/// Turns a bench/run results folder into docs/performance.md: targets with ratios to the NSec
/// verify measured in the same run, the raw load and micro figures, the machine, how to reproduce.
internal static class ReportWriter
{
    private const double Mib = 1024;

    /// The saturation rows of the load table, in order; the floor server is measured since 2026-11-25.
    private static readonly string[] SaturationKinds = ["ping", "channels", "bare", "floor"];

    public static int Run(string[] args)
    {
        var arguments = new Arguments(args);
        var results = arguments.Get("results");
        var load = new KeyValues(Path.Combine(results, "machine.env"), Path.Combine(results, "load.env"));
        var micro = MicroResult.ReadAll(Path.Combine(results, "micro", "results"));
        var verifyCpu = load.Number("verify_cpu_us");
        var report = new StringBuilder();
        void Line(string text = "") => report.Append(text).Append('\n');

        Line("# Performance (issue 7)");
        Line();
        Line($"Written by `bench/run` on {load.Text("run_date")}. **Taken on a shared machine** (2 shared vCPUs; other work may run at the same time:");
        Line($"load average {load.Text("loadavg_start")} at the start, {load.Text("loadavg_end")} at the end);");
        Line("the load generator runs on the same two cores as the bot. Expect a few percent of noise on CPU figures and much more on tail latency.");
        Line();
        Line("## Targets");
        Line();
        Line($"The reference unit is one NSec Ed25519 verify measured in this run: **{Fmt(verifyCpu, "F1")} µs of CPU** on one core (`verify-ref`, process CPU time,");
        Line($"{load.Text("verify_calls")} calls; wall time {load.Text("verify_wall_us")} µs). \"× verify\" is a figure divided by that cost; \"× goal\" is a figure divided by its target.");
        Line();
        Line("| target (issue 7) | measured | ratio | goal | result |");
        Line("|---|---|---|---|---|");
        foreach (var kind in new[] { "ping", "channels" })
        {
            var label = kind == "ping" ? "PING" : "/channels";
            var cpu = load.Number($"sat_{kind}_cpu_us");
            Target(report, $"server CPU per signed {label} (saturation, 50 conn., median of {load.Text("sat_rounds")} rounds)", $"{Fmt(cpu, "F1")} µs (rounds: {load.Text($"sat_{kind}_cpu_us_all")})", Ratio(cpu, verifyCpu, "× verify"), "≤ 1.3 × verify", cpu / verifyCpu <= 1.3);
        }

        var bare = load.Number("sat_bare_cpu_us");
        Line($"| *reference:* a bare minimal API that only verifies and answers PONG (`bare-server`), same rounds | {Fmt(bare, "F1")} µs (rounds: {load.Text("sat_bare_cpu_us_all")}) | {Ratio(bare, verifyCpu, "× verify")} | (the floor of Kestrel + NSec here) | reference |");
        if (load.Has("sat_floor_cpu_us"))
        {
            var floor = load.Number("sat_floor_cpu_us");
            Line($"| *reference:* one C thread with epoll: read, the same libsodium check, write (`bench/load/floor-server.c`), same rounds | {Fmt(floor, "F1")} µs (rounds: {load.Text("sat_floor_cpu_us_all")}) | {Ratio(floor, verifyCpu, "× verify")} | (the least any server spends here) | reference |");
        }

        foreach (var kind in new[] { "ping", "channels" })
        {
            var label = kind == "ping" ? "PING" : "/channels";
            var p99 = load.Number($"paced_{kind}_p99_ms");
            Target(report, $"p99 latency, {label} at 500 req/s", $"{Fmt(p99, "F2")} ms (p50 {load.Text($"paced_{kind}_p50_ms")})", Ratio(p99 * 1000, verifyCpu, "× verify"), "≤ 2.5 ms", p99 <= 2.5);
        }

        var idle = load.Number("idle_VmRSS_kib") / Mib;
        var peak = load.Number("server_peak_rss_kib") / Mib;
        var startup = load.Number("startup_ms");
        Target(report, "idle RSS, whole application", $"{Fmt(idle, "F1")} MiB (anon {Fmt(load.Number("idle_RssAnon_kib") / Mib, "F1")}, file {Fmt(load.Number("idle_RssFile_kib") / Mib, "F1")}, shmem {Fmt(load.Number("idle_RssShmem_kib") / Mib, "F1")})", Ratio(idle, 50, "× goal"), "≤ 50 MiB", idle <= 50);
        Target(report, "peak RSS (VmHWM) after all the load below", $"{Fmt(peak, "F1")} MiB", Ratio(peak, 100, "× goal"), "≤ 100 MiB", peak <= 100);
        Target(report, "process start → first good PING (median of 5)", $"{Fmt(startup, "F0")} ms (runs: {load.Text("startup_ms_all")})", Ratio(startup, 400, "× goal"), "≤ 400 ms", startup <= 400);
        var perMessage = micro.FirstOrDefault(r => r.Method == "UpsertNewPage");
        var ingest = perMessage is null ? (double?)null : 1e9 / perMessage.MeanNs;
        Target(report, "LiteDB ingest, 100-message pages (micro)", $"{Fmt(ingest, "N0")} messages/s ({(perMessage is null ? "n/a" : Time(perMessage.MeanNs) + " ± " + Time(perMessage.ErrorNs))} per message)", Ratio(ingest, 10_000, "× goal"), "≥ 10,000 msg/s", ingest >= 10_000);
        var digest = micro.FirstOrDefault(r => r.Method == "BuildAndRender10k");
        var digestMs = digest?.MeanNs / 1e6;
        var digestMb = digest?.AllocatedBytes / 1e6;
        Target(report, "digest of 10,000 messages, build + render HTML + text (micro)", digest is null ? "n/a" : $"{Fmt(digestMs, "F1")} ms, {Fmt(digestMb, "F1")} MB allocated", Ratio(digestMs, 300, "× goal"), "≤ 300 ms, ≤ 100 MB allocated", digestMs <= 300 && digestMb <= 100);
        var markupResult = micro.FirstOrDefault(r => r.Method == "RenderMarkup");
        Line($"| Discord markup to HTML and text, one message (micro) | {(markupResult is null ? "n/a" : Time(markupResult.MeanNs) + ", " + Fmt(markupResult.AllocatedBytes / 1024, "F1") + " KiB allocated")} | | (reported) | reported |");
        // Counted, not timed: the test suite asserts it against the WireMock Discord on every run.
        Line("| poll of a quiet server | ≤ 2 REST requests, asserted by `PollerTests.A_second_poll_of_a_quiet_server_makes_at_most_two_requests` on every test run | | ≤ 2 REST requests | **pass** |");
        Line();

        Line("## Load (the published build: native AOT, every feature on; loopback, pre-signed requests)");
        Line();
        Line("| scenario | requests | req/s | non-2xx/errors | server CPU per request | × verify | p50 | p99 | p99.9 | max |");
        Line("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var kind in SaturationKinds.Where(k => load.Has($"sat_{k}_cpu_us")))
        {
            var cpu = load.Number($"sat_{kind}_cpu_us");
            var label = kind switch { "bare" => "bare reference server, ping", "floor" => "C floor server, ping", _ => kind };
            Line($"| saturation, {label}, wrk -t2 -c50, {load.Text("sat_seconds")} s (median round) | {load.Text($"sat_{kind}_requests")} | {load.Text($"sat_{kind}_rps")} | {load.Text($"sat_{kind}_non2xx")} | {Fmt(cpu, "F1")} µs | {Ratio(cpu, verifyCpu, "")} | | | | |");
        }

        foreach (var kind in new[] { "ping", "channels" })
        {
            var cpu = load.Number($"paced_{kind}_cpu_us");
            var p = $"paced_{kind}";
            Line($"| paced 500 req/s, {kind}, {load.Text("paced_seconds")} s | {load.Text(p + "_requests")} | {load.Text(p + "_achieved_rps")} | {load.Text(p + "_errors")} | {Fmt(cpu, "F1")} µs | {Ratio(cpu, verifyCpu, "")} | {load.Text(p + "_p50_ms")} ms | {load.Text(p + "_p99_ms")} ms | {load.Text(p + "_p999_ms")} ms | {load.Text(p + "_max_ms")} ms |");
        }

        Line();
        Line($"Throughput ceiling if a request cost exactly one verify on both cores: {Fmt(2e6 / verifyCpu, "N0")} req/s. Memory of the load server: idle {Fmt(load.Number("server_idle_rss_kib") / Mib, "F1")} MiB before the load,");
        Line($"peak {Fmt(peak, "F1")} MiB, {Fmt(load.Number("server_after_load_rss_kib") / Mib, "F1")} MiB five seconds after it. The server wrote {load.Text("server_log_lines")} log lines during the run ({load.Text("server_log_errors")} with fail/error/exception).");
        Line();
        Line("CPU per request is (utime + stime of the bot from `/proc/PID/stat`, before and after) ÷ requests answered; at 500 req/s it includes the");
        Line("warm-up second and the idle cost of the process (timers, waking threads for each request), which is why it is higher than at saturation.");
        Line("Saturation runs in rounds that alternate the bot's PING, its /channels, the bare reference server's PING (`bench/CoalitionBot.Benchmarks/Tools/BareServer.cs`:");
        Line("Kestrel, one route, the NSec check, a constant answer) and the floor server's (`bench/load/floor-server.c`: one C thread, level-triggered epoll, one `read`");
        Line("and one `write` per request, the libsodium the published app carries), so background load falls on all four alike; each figure is its median round.");
        Line("Latency at 500 req/s comes from `paced` (a small open-loop .NET client in the benchmark tool, not wrk, which cannot pace): request *i* is due");
        Line("at *i*/500 s and its latency runs from that due time, so a stall is not hidden by coordinated omission.");
        Line();

        Line("## Micro-benchmarks (BenchmarkDotNet, short job)");
        Line();
        var nsec = micro.FirstOrDefault(r => r.Method == "NSecVerify");
        Line("| benchmark | mean | ± 2 standard errors | allocated | × NSec verify (micro) |");
        Line("|---|---|---|---|---|");
        foreach (var result in micro)
        {
            Line($"| {result.Type}: {result.Title} | {Time(result.MeanNs)} | {Time(result.ErrorNs)} | {Bytes(result.AllocatedBytes)} | {Ratio(result.MeanNs, nsec?.MeanNs, "")} |");
        }

        Line();
        Line($"LiteDB rows are per message (`OperationsPerInvoke = 100`, one page per transaction): messages/s = 10⁹ ÷ mean (ns).");
        Line();
        var settings = Path.Combine(results, "settings.md");
        if (File.Exists(settings))
        {
            Line("## Runtime settings, measured (bench/load/settings.sh)");
            Line();
            report.Append(File.ReadAllText(settings));
            Line();
        }

        var notes = arguments.Get("notes", "");
        if (notes.Length > 0 && File.Exists(notes))
        {
            report.Append(File.ReadAllText(notes)).Append('\n');
        }

        Line("## Machine");
        Line();
        Line($"- CPU: {load.Text("cpu_model")}, nproc {load.Text("nproc")}");
        Line($"- memory: {load.Text("memory")}");
        Line($"- kernel: {load.Text("kernel")}; OS: {load.Text("os")}");
        Line($"- .NET: SDK {load.Text("dotnet_sdk")}, runtime {load.Text("dotnet_runtime")}; wrk {load.Text("wrk_version")}");
        Line($"- git: {load.Text("git_commit")}");
        Line();
        Line("## How to reproduce");
        Line();
        Line("```sh");
        Line("apt-get install -y wrk        # the load generator (Debian package)");
        Line("bench/run                     # micro + load, about 5-7 minutes; writes docs/performance.md");
        Line("bench/run --settings          # also the runtime-settings comparison (about 12 more minutes)");
        Line("bench/run --quick             # a smoke run: dry micro jobs and 3-second load phases");
        Line("BENCH_TOOL=$PWD/bench/CoalitionBot.Benchmarks/bin/Release/net10.0/CoalitionBot.Benchmarks.dll \\");
        Line("  bench/load/ab.sh DOTNET_TieredPGO=0 DOTNET_TieredPGO=1    # interleaved A/B of two settings");
        Line("apt-get install -y clang zlib1g-dev   # the published build is native AOT: bench/run needs them");
        Line("```");
        Line();
        Line("Raw output of the last run stays in `bench/results/` (not committed): BenchmarkDotNet's reports, `load.env`, the wrk logs.");
        File.WriteAllText(arguments.Get("out"), report.ToString());
        Console.Write(report.ToString());
        return 0;
    }

    private static void Target(StringBuilder report, string name, string measured, string ratio, string goal, bool? pass) =>
        report.Append(CultureInfo.InvariantCulture, $"| {name} | {measured} | {ratio} | {goal} | {(pass is null ? "n/a" : pass.Value ? "**pass**" : "**FAIL**")} |\n");

    private static string Fmt(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "n/a";

    private static string Ratio(double? value, double? unit, string suffix) =>
        value is { } v && unit is { } u && u > 0 ? (v / u).ToString("F2", CultureInfo.InvariantCulture) + (suffix.Length > 0 ? " " + suffix : "") : "";

    private static string Time(double ns) => ns switch
    {
        >= 1e6 => (ns / 1e6).ToString("F2", CultureInfo.InvariantCulture) + " ms",
        >= 1e3 => (ns / 1e3).ToString("F2", CultureInfo.InvariantCulture) + " µs",
        _ => ns.ToString("F0", CultureInfo.InvariantCulture) + " ns",
    };

    private static string Bytes(double? bytes) => bytes switch
    {
        null => "n/a",
        >= 1024 * 1024 => (bytes.Value / 1024 / 1024).ToString("F1", CultureInfo.InvariantCulture) + " MiB",
        >= 1024 => (bytes.Value / 1024).ToString("F1", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes.Value.ToString("F0", CultureInfo.InvariantCulture) + " B",
    };
}
