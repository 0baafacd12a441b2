using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using CoalitionBot.Digest;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Summarization;

/// The abstract against real inference: llama.cpp's CPU build as node-llama-cpp ships it (installed
/// by scripts/install-test-tools.sh into tests/llm-host/node_modules, nothing fetched here), behind
/// tests/llm-host/server.mjs, a small OpenAI-compatible host, on a model file with random weights
/// that the test writes (tests/llm-host/write-gguf.mjs). The text is meaningless; the wire path,
/// the timeout around it and the parsing of whatever comes back are the real ones.
[Trait("Category", "Process")]
public sealed class RealInferenceTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_real_model_is_asked_over_the_wire_and_the_mail_goes_whatever_it_writes()
    {
        using var folder = new TempDirectory("coalitionbot-llm-");
        var model = Path.Combine(folder.Path, "tiny-random.gguf");
        var host = Path.Combine(RepositoryPaths.Root, "tests", "llm-host");
        var written = await ShellScript.RunAsync("node", [Path.Combine(host, "write-gguf.mjs"), model, "7"]);
        Assert.True(written.ExitCode == 0, written.Output);
        var port = FreePort();
        using var server = Process.Start(new ProcessStartInfo("node", [Path.Combine(host, "server.mjs"), model, port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = host,
        })!;
        try
        {
            using var ready = CancellationTokenSource.CreateLinkedTokenSource(Token);
            ready.CancelAfter(TimeSpan.FromMinutes(2));
            Assert.Equal("listening", await server.StandardOutput.ReadLineAsync(ready.Token));
            using var harness = new DigestHarness(DigestHarness.Local(Monday.AddDays(1), 8), new Dictionary<string, string?>
            {
                ["Summarization:Endpoint"] = $"http://127.0.0.1:{port}/v1/chat/completions",
                ["Summarization:Model"] = "tiny-random",
                ["Summarization:Timeout"] = "00:02:00",
            });
            harness.Messages.Upsert(
            [
                DigestFixtures.Message(10, "On prépare l'action du 8 mars : qui vient ?", hour: 9, author: 5, name: "Awa", day: Monday),
                DigestFixtures.Message(10, "Le bureau cherche des bénévoles pour la permanence juridique.", hour: 10, author: 6, name: "Lina", day: Monday),
            ]);
            harness.Settings.Update(s => s with { Abstracts = true });
            var transport = new RecordingTransport();

            var result = await harness.Service(transport).SendDayAsync(Monday, resend: false, Token);

            Assert.Equal(DigestOutcome.Sent, result.Outcome);
            var answers = File.ReadAllLines(model + ".answers");
            var answer = JsonNode.Parse(Assert.Single(answers))!;
            OpenAiSchemas.AssertResponse((string)answer["answer"]!);
            var health = JsonNode.Parse(await harness.App.Client.GetStringAsync(new Uri("/healthz", UriKind.Relative), Token))!["checks"]!["summarization"]!;
            var mail = Assert.Single(transport.Sent).HtmlBody;
            // Random weights write noise: it is either dropped as unusable or, if it happens to cite a
            // message among enough letters, shown as words with that message's link; nothing else.
            if ((string?)health["status"] == "degraded")
            {
                Assert.Equal("unusableAnswer", (string?)health["reason"]);
                Assert.DoesNotContain("essentiel</h2>", mail, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal("healthy", (string?)health["status"]);
                Assert.Contains("essentiel</h2>", mail, StringComparison.Ordinal);
            }

            Assert.Contains(harness.App.Logs.Lines, l => l.Message.StartsWith("Abstract of ", StringComparison.Ordinal));
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
