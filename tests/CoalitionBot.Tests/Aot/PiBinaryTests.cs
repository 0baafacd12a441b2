using System.Net;
using System.Text.Json.Nodes;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Aot;

/// The linux-arm64 build a Raspberry Pi runs, as a process: on an x64 machine under qemu-user with
/// Debian's arm64 libraries (so ICU, OpenSSL and libsodium for arm64 are loaded for real), on an
/// arm64 machine directly. Speed means nothing under emulation; what is checked is that the Pi's
/// binary starts, checks signatures, writes its database, speaks French and stops cleanly.
[Collection(NativeBinaryGroup.Name)]
[Trait("Category", "Process")]
public sealed class PiBinaryTests(PiBinary pi) : IClassFixture<PiBinary>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_raspberry_pi_binary_checks_signatures_answers_in_french_and_keeps_its_lists()
    {
        using var keys = new TestKeys();
        using var folder = new TempDirectory("coalitionbot-pi-");
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Path"] = Path.Combine(folder.Path, "data", "coalitionbot.db"),
            ["Discord:ApplicationId"] = Payloads.ApplicationId,
            ["Discord:GuildId"] = Payloads.GuildId,
            ["Discord:PublicKey"] = keys.PublicKeyHex,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        const string Annonces = "1300000000000000205";

        await using (var bot = await NativeBot.ServeAsync(pi.Path, folder.Path, settings, Token, pi.Launcher))
        {
            using var pong = await bot.Client.PostAsync(keys, Payloads.Ping(), Token);
            using var forged = await bot.Client.PostAsync(new TestKeys(), Payloads.Ping(), Token);
            var exclude = Payloads.Command("exclude", Payloads.ChannelOption(Annonces), guildId: Payloads.GuildId, resolvedChannels: Payloads.ResolvedChannel(Annonces, "annonces", 5));
            using var excluded = await bot.Client.PostAsync(keys, exclude.ToJsonString(), Token);

            Assert.Equal("""{"type":1}""", await pong.Content.ReadAsStringAsync(Token));
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
            var answer = JsonNode.Parse(await excluded.Content.ReadAsStringAsync(Token))!;
            Assert.True(excluded.StatusCode == HttpStatusCode.OK, bot.Output);
            Assert.Equal("#annonces est exclu du résumé quotidien.", (string)answer["data"]!["content"]!);
            await bot.StopCleanlyAsync(Token);
        }

        // French dates need ICU: the sample digest's subject names the day in French.
        var (exit, output) = await NativeBot.RunAsync(pi.Path, folder.Path, settings, ["digest", "--preview", "--sample", "--date", "2026-11-23"], Token, pi.Launcher);
        Assert.True(exit == 0, output);
        Assert.Contains("Résumé du lundi 23 novembre 2026", output, StringComparison.Ordinal);
        using var database = new CoalitionBot.Storage.Database(
            Microsoft.Extensions.Options.Options.Create(new CoalitionBot.Storage.StorageOptions { Path = settings["Storage:Path"]! }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<CoalitionBot.Storage.Database>.Instance);
        Assert.Contains(new CoalitionBot.Storage.ChannelListStore(database, new CoalitionBot.Storage.AuditTrail(database, TimeProvider.System), TimeProvider.System).Excluded(), e => e.ChannelId == ulong.Parse(Annonces, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// The linux-arm64 release tarball (deploy/package.sh, from the same arm64 build), unpacked as the
    /// install without Docker has it: its binary serves with the libsodium.so it carries (Debian's
    /// arm64 libraries here have none, and the process's memory map must name the tarball's copy).
    [Fact]
    public async Task The_arm64_release_tarball_runs_unpacked_with_its_own_libsodium()
    {
        using var keys = new TestKeys();
        using var folder = new TempDirectory("coalitionbot-pi-tarball-");
        var release = await ReleaseTarball.PackageAsync(folder.Path, Path.GetDirectoryName(pi.Path)!, "arm64");
        Assert.EndsWith("-linux-arm64", release.Name, StringComparison.Ordinal);
        var unpacked = await release.UnpackAsync(Path.Combine(folder.Path, "opt"));
        var state = Directory.CreateDirectory(Path.Combine(folder.Path, "state")).FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Discord:ApplicationId"] = Payloads.ApplicationId,
            ["Discord:GuildId"] = Payloads.GuildId,
            ["Discord:PublicKey"] = keys.PublicKeyHex,
            ["Logging:LogLevel:Default"] = "Warning",
        };

        await using var bot = await NativeBot.ServeAsync(Path.Combine(unpacked, "CoalitionBot"), state, settings, Token, pi.Launcher);
        using var health = await bot.Client.GetAsync(new Uri("/healthz", UriKind.Relative), Token);
        var healthJson = JsonNode.Parse(await health.Content.ReadAsStringAsync(Token))!;
        using var pong = await bot.Client.PostAsync(keys, Payloads.Ping(), Token);
        var libraries = await File.ReadAllTextAsync($"/proc/{bot.ProcessId}/maps", Token);

        Assert.True(health.StatusCode == HttpStatusCode.OK, bot.Output);
        Assert.Equal("healthy", (string)healthJson["status"]!);
        Assert.Equal("""{"type":1}""", await pong.Content.ReadAsStringAsync(Token));
        Assert.Contains(Path.Combine(unpacked, "libsodium.so"), libraries, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(state, "data")), "the bot keeps its data under its working directory");
        await bot.StopCleanlyAsync(Token);
    }
}
