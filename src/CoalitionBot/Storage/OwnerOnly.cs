using System.Runtime.InteropServices;

namespace CoalitionBot.Storage;

/// The database and the outbox quote members' messages: what the bot creates there is readable by
/// its own user only (folders 0700, files 0600), whatever umask it was started with.
internal static class OwnerOnly
{
    public const UnixFileMode FolderPermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FilePermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// From now on this process creates files 0600 and folders 0700, including the ones LiteDB
    /// creates itself (its journal), which no option reaches.
    public static void RestrictNewFiles()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = SetUmask(0b000_111_111);
        }
    }

    /// Creates the folder and its missing parents, each 0700; folders that already exist are left as they are.
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        var missing = new Stack<string>();
        for (var folder = Path.GetFullPath(path); !Directory.Exists(folder); folder = Path.GetDirectoryName(folder)!)
        {
            missing.Push(folder);
        }

        while (missing.TryPop(out var folder))
        {
            Directory.CreateDirectory(folder, FolderPermissions);
            // mkdir applies the umask, which may take away more than the group's and others' bits.
            File.SetUnixFileMode(folder, FolderPermissions);
        }
    }

    /// A new (or emptied) file, 0600 from its creation.
    public static FileStream Create(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FilePermissions;
        }

        var stream = new FileStream(path, options);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(stream.SafeFileHandle, FilePermissions);
        }

        return stream;
    }

    /// Makes an existing file 0600 (a file written by an older version, or by LiteDB).
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, FilePermissions);
        }
    }

    // A DllImport of blittable types needs no marshalling code (LibraryImport would need unsafe
    // code for nothing); "libc" is the C library on every Linux .NET runs on, native AOT included.
    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint SetUmask(uint mask);
}
