namespace CoalitionBot.Benchmarks.Micro;

// PLACE FOR THE DIGEST BENCHMARKS (issue 7 targets: digest of 10,000 messages built and rendered,
// HTML + text, in <= 300 ms allocating <= 100 MB; Discord markup rendering).
// They land when the digest code is on main. Shape to follow:
//   [MemoryDiagnoser] public class DigestBenchmarks
//   [Params(1_000, 10_000, 100_000)] public int Messages;
//   [GlobalSetup]: generate StoredMessage records over ~30 channels and ~200 authors, with
//                  replies, mentions, reactions and markup (bold, links, code, spoilers, emoji).
//   [Benchmark] Build()          -> DigestBuilder over the generated messages
//   [Benchmark] BuildAndRender() -> Build + HTML renderer + text renderer
//   [Benchmark] RenderMarkup()   -> the Discord markup renderer over one realistic message
// bench/run then reports "digest 10k build+render" against 300 ms and 100 MB.
