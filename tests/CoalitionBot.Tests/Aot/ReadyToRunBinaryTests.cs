using System.Net;
using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Aot;

/// The ReadyToRun build (scripts/publish.sh --r2r), the one a Raspberry Pi with under 3 GiB builds
/// for itself, as a real process: it must be what it claims to be (the JIT runtime beside it, the
/// bot's code precompiled), answer /healthz, check Discord's signatures and answer a command.
[Collection(NativeBinaryGroup.Name)]
[Trait("Category", "Process")]
public sealed class ReadyToRunBinaryTests(ReadyToRunBinary build) : IClassFixture<ReadyToRunBinary>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void The_build_carries_the_jit_runtime_and_precompiled_code()
    {
        var published = Path.GetDirectoryName(build.Path)!;

        // Native AOT has no JIT and no managed assemblies; this build has both, and the runtime with it.
        Assert.True(File.Exists(Path.Combine(published, "libclrjit.so")), $"no libclrjit.so in {published}: this is not the JIT build");
        Assert.True(File.Exists(Path.Combine(published, "libcoreclr.so")), $"no libcoreclr.so in {published}: the build is not self-contained");
        Assert.True(File.Exists(Path.Combine(published, "libsodium.so")), $"no libsodium.so in {published}");
        using var assembly = File.OpenRead(Path.Combine(published, "CoalitionBot.dll"));
        using var reader = new PEReader(assembly);
        var header = reader.PEHeaders.CorHeader;
        Assert.NotNull(header);
        Assert.True(header.ManagedNativeHeaderDirectory.Size > 0, "CoalitionBot.dll has no ReadyToRun header: its code is not precompiled and every start would JIT it");
    }

    [Fact]
    public async Task The_build_answers_healthz_checks_signatures_and_answers_a_command_in_french()
    {
        using var keys = new TestKeys();
        using var folder = new TempDirectory("coalitionbot-r2r-");
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Path"] = Path.Combine(folder.Path, "data", "coalitionbot.db"),
            ["Discord:ApplicationId"] = Payloads.ApplicationId,
            ["Discord:GuildId"] = Payloads.GuildId,
            ["Discord:PublicKey"] = keys.PublicKeyHex,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        const string Annonces = "1300000000000000205";

        await using var bot = await NativeBot.ServeAsync(build.Path, folder.Path, settings, Token);
        using var health = await bot.Client.GetAsync(new Uri("/healthz", UriKind.Relative), Token);
        var healthJson = JsonNode.Parse(await health.Content.ReadAsStringAsync(Token))!;
        using var pong = await bot.Client.PostAsync(keys, Payloads.Ping(), Token);
        using var forged = await bot.Client.PostAsync(new TestKeys(), Payloads.Ping(), Token);
        var exclude = Payloads.Command("exclude", Payloads.ChannelOption(Annonces), guildId: Payloads.GuildId, resolvedChannels: Payloads.ResolvedChannel(Annonces, "annonces", 5));
        using var excluded = await bot.Client.PostAsync(keys, exclude.ToJsonString(), Token);

        Assert.True(health.StatusCode == HttpStatusCode.OK, bot.Output);
        Assert.Equal("healthy", (string)healthJson["status"]!);
        Assert.Equal(HttpStatusCode.OK, pong.StatusCode);
        Assert.Equal("""{"type":1}""", await pong.Content.ReadAsStringAsync(Token));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.True(excluded.StatusCode == HttpStatusCode.OK, bot.Output);
        var answer = JsonNode.Parse(await excluded.Content.ReadAsStringAsync(Token))!;
        Assert.Equal("#annonces est exclu du résumé quotidien.", (string)answer["data"]!["content"]!);
        await bot.StopCleanlyAsync(Token);
    }
}
