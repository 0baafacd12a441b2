using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Aot;

/// deploy/package.sh makes the tarball of the install without Docker from the published binary;
/// unpacked elsewhere, it holds what the systemd unit expects and the bot runs from it.
[Collection(NativeBinaryGroup.Name)]
[Trait("Category", "Process")]
public sealed class ReleaseTarballTests(NativeBinary binary)
{
    [Fact]
    public async Task The_tarball_holds_the_binary_libsodium_libskiasharp_settings_unit_and_caddy_files_and_runs_unpacked()
    {
        using var folder = new TempDirectory("coalitionbot-tarball-");
        var release = await ReleaseTarball.PackageAsync(folder.Path, Path.GetDirectoryName(binary.Path)!, "x64");
        var (tarball, name) = release;
        Assert.Matches(@"^coalitionbot-[0-9]+\.[0-9]+\.[0-9]+-linux-x64$", name);

        var checksum = await ShellScript.RunAsync("sha256sum", ["--check", tarball + ".sha256"], workingDirectory: folder.Path);
        Assert.True(checksum.ExitCode == 0, checksum.Output);
        var listing = await ShellScript.RunAsync("tar", ["--list", "--verbose", "--file", tarball]);
        Assert.True(listing.ExitCode == 0, listing.Output);
        foreach (var entry in new[]
        {
            "CoalitionBot", "libsodium.so", "libSkiaSharp.so", "appsettings.json", "coalitionbot.service", "coalitionbot.env.example",
            "caddy/Caddyfile", "caddy/deploy/caddy/admin-off.caddy", "caddy/deploy/caddy/admin-basicauth.caddy",
        })
        {
            Assert.Contains($" {name}/{entry}\n", listing.Output + "\n", StringComparison.Ordinal);
        }

        // Root-owned (numeric 0/0) and executable, whoever made the tarball.
        Assert.Matches(@"-rwxr-xr-x 0/0 +[0-9]+ 2026-01-01 00:00 [^ ]+/CoalitionBot\n", listing.Output);
        Assert.DoesNotContain(".dbg", listing.Output, StringComparison.Ordinal);

        // Unpacked where the unit has it, the settings beside the binary, the data in the working directory.
        var unpacked = await release.UnpackAsync(Path.Combine(folder.Path, "opt"));
        var state = Directory.CreateDirectory(Path.Combine(folder.Path, "state")).FullName;
        var preview = await ShellScript.RunAsync(
            Path.Combine(unpacked, "CoalitionBot"), ["digest", "--preview", "--sample"], new Dictionary<string, string?> { ["Urls"] = "http://127.0.0.1:0" }, state);
        Assert.True(preview.ExitCode == 0, preview.Output);
        Assert.True(Directory.Exists(Path.Combine(state, "data")), "the bot keeps its data under its working directory");
    }
}
