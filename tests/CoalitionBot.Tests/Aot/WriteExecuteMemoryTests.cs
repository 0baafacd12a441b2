using System.Net;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Aot;

/// The systemd unit sets MemoryDenyWriteExecute=yes. The native AOT binary has no JIT, so it should
/// never need writable and executable memory: run under deploy/systemd/mdwe.c (the same rule, through
/// prctl), it must serve signed requests, answer /healthz, draw /report's chart, render a digest and stop cleanly.
[Collection(NativeBinaryGroup.Name)]
[Trait("Category", "Process")]
public sealed class WriteExecuteMemoryTests(NativeBinary binary)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_native_binary_runs_under_memory_deny_write_execute()
    {
        using var folder = new TempDirectory("coalitionbot-mdwe-");
        var probe = Path.Combine(folder.Path, "mdwe");
        var compiled = await ShellScript.RunAsync("cc", ["-O2", "-o", probe, Path.Combine(RepositoryPaths.Root, "deploy", "systemd", "mdwe.c")]);
        Assert.True(compiled.ExitCode == 0, "cc failed:\n" + compiled.Output);
        // The probe refuses to run anything if the kernel does not enforce the rule (exit 3 or 4).
        var selfCheck = await ShellScript.RunAsync(probe, ["/bin/true"]);
        Assert.True(selfCheck.ExitCode == 0, selfCheck.Output);

        using var keys = new TestKeys();
        var launcher = new Launcher(probe, []);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Path"] = Path.Combine(folder.Path, "data", "coalitionbot.db"),
            ["Discord:PublicKey"] = keys.PublicKeyHex,
            ["Discord:ApplicationId"] = Payloads.ApplicationId,
            ["Discord:GuildId"] = Payloads.GuildId,
            ["Discord:ApiBaseUrl"] = "http://127.0.0.1:9/api/v10",
            ["Logging:LogLevel:Default"] = "Warning",
        };

        await using (var bot = await NativeBot.ServeAsync(binary.Path, folder.Path, settings, Token, launcher))
        {
            using var pong = await bot.Client.PostAsync(keys, Payloads.Ping(), Token);
            using var health = await bot.Client.GetAsync(new Uri("/healthz", UriKind.Relative), Token);

            Assert.Equal(HttpStatusCode.OK, pong.StatusCode);
            Assert.Contains("\"type\":1", await pong.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);

            // /report draws its chart with SkiaSharp's native library: it must not need W+X memory
            // either. Discord is unreachable here, so the drawn answer ends in one "could not be
            // delivered" line, written only after the chart was made.
            using var report = await bot.Client.PostAsync(keys, Payloads.Command("report", Payloads.StringOption("period", "week")).ToJsonString(), Token);
            Assert.Equal(HttpStatusCode.OK, report.StatusCode);
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token))
            {
                timeout.CancelAfter(TimeSpan.FromSeconds(60));
                while (!bot.Output.Contains("The deferred answer of /report could not be delivered", StringComparison.Ordinal))
                {
                    await Task.Delay(100, timeout.Token);
                }
            }

            Assert.DoesNotContain("Command /report failed", bot.Output, StringComparison.Ordinal);
            Assert.True(health.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, bot.Output);
            await bot.StopCleanlyAsync(Token);
        }

        var preview = await NativeBot.RunAsync(binary.Path, folder.Path, settings, ["digest", "--preview", "--sample"], Token, launcher);
        Assert.True(preview.ExitCode == 0, preview.Output);
    }
}
