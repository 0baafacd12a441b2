using System.Runtime.InteropServices;

namespace CoalitionBot.Tests.Support;

/// The native binary a Raspberry Pi runs (linux-arm64). On an arm64 machine (the Pi itself, under
/// Woodpecker) it is the machine's own published binary. Elsewhere it is the arm64 cross-build that
/// ./test.sh publishes and names in COALITIONBOT_ARM64_BINARY (or that this fixture publishes),
/// run under qemu-user with the arm64 libraries Debian installs beside the machine's own.
/// A missing tool or build fails the tests, never skips them.
public sealed class PiBinary : IAsyncLifetime
{
    public const string Variable = "COALITIONBOT_ARM64_BINARY";
    private const string Qemu = "/usr/bin/qemu-aarch64-static";

    public string Path { get; private set; } = "";

    /// Null on an arm64 machine; qemu-user elsewhere, finding the arm64 loader and libraries under /.
    internal Launcher? Launcher { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (RuntimeInformation.OSArchitecture == Architecture.Arm64)
        {
            Path = await NativeBinary.FindOrPublishAsync(NativeBinary.Variable, "native-aot", architecture: null);
            return;
        }

        Assert.True(File.Exists(Qemu), $"{Qemu} is missing: ./test.sh installs it (apt-get install qemu-user-static, with the arm64 libraries).");
        Launcher = new Launcher(Qemu, ["-L", "/"]);
        Path = await NativeBinary.FindOrPublishAsync(Variable, "native-aot-arm64", "arm64");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
