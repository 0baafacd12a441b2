namespace CoalitionBot.Tests.Support;

/// A release tarball made by deploy/package.sh from an already published folder (the way ./test.sh's
/// binaries are packaged), named coalitionbot-VERSION-linux-ARCH.tar.gz.
internal sealed record ReleaseTarball(string Archive, string Name)
{
    /// deploy/package.sh OUT --from PUBLISHED ARCH; fails the test with the script's output if it fails.
    public static async Task<ReleaseTarball> PackageAsync(string output, string published, string architecture)
    {
        var packaged = await ShellScript.RunAsync(
            "bash", [Path.Combine(RepositoryPaths.Root, "deploy", "package.sh"), output, "--from", published, architecture]);
        Assert.True(packaged.ExitCode == 0, packaged.Output);
        var archive = packaged.Output.Trim().Split('\n')[^1];
        Assert.True(File.Exists(archive), packaged.Output);
        return new ReleaseTarball(archive, Path.GetFileName(archive)[..^".tar.gz".Length]);
    }

    /// Unpacks the tarball into <paramref name="directory"/> (made if missing) and returns the folder
    /// it holds, the one with CoalitionBot in it.
    public async Task<string> UnpackAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        var unpacked = await ShellScript.RunAsync("tar", ["--extract", "--file", Archive, "--directory", directory]);
        Assert.True(unpacked.ExitCode == 0, unpacked.Output);
        return Path.Combine(directory, Name);
    }
}
