using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace CoalitionBot.Tests.Support;

/// Runs a test with umask 000, the most permissive there is, and puts the previous one back: what
/// the bot creates must still be owner-only. The umask belongs to the whole process, so these tests
/// run on their own, never beside others that create files.
[CollectionDefinition(Name, DisableParallelization = true)]
[UnsupportedOSPlatform("windows")]
public sealed class PermissiveUmask
{
    public const string Name = "Process umask";

    public static IDisposable Set() => new Restore(SetUmask(0));

    public static UnixFileMode Mode(string path) => File.GetUnixFileMode(path);

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint SetUmask(uint mask);

    private sealed class Restore(uint previous) : IDisposable
    {
        public void Dispose() => _ = SetUmask(previous);
    }
}
