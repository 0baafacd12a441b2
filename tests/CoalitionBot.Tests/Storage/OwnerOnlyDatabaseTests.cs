using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoalitionBot.Tests.Storage;

/// The database quotes members' messages: the folders the bot creates for it are 0700 and its
/// files 0600 on a real file system, whatever the umask it was started with.
[Collection(PermissiveUmask.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OwnerOnlyDatabaseTests : IDisposable
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly TempDirectory root = new("coalitionbot-modes-");

    [Fact]
    public void A_new_database_and_the_folders_made_for_it_are_owner_only()
    {
        var path = Path.Combine(root.Path, "data", "state", "coalitionbot.db");

        using (PermissiveUmask.Set())
        using (var database = Open(path))
        {
            // A write, so LiteDB has created its own journal file beside the database too.
            new MessageStore(database).Upsert([new StoredMessage { Id = 1, ChannelId = 9, Content = "bonjour", Timestamp = TimeProvider.System.GetUtcNow() }]);

            Assert.Equal(Folder, PermissiveUmask.Mode(Path.Combine(root.Path, "data")));
            Assert.Equal(Folder, PermissiveUmask.Mode(Path.Combine(root.Path, "data", "state")));
            Assert.All(Directory.GetFiles(Path.Combine(root.Path, "data", "state")), file => Assert.Equal(File, PermissiveUmask.Mode(file)));
            Assert.Contains(path, Directory.GetFiles(Path.Combine(root.Path, "data", "state")));
            Assert.Contains(Directory.GetFiles(Path.Combine(root.Path, "data", "state")), file => file.EndsWith("-log.db", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_database_file_left_readable_by_an_older_version_is_made_owner_only_when_opened()
    {
        var path = Path.Combine(root.Path, "coalitionbot.db");
        using (var first = Open(path))
        {
            _ = first.Engine;
        }

        System.IO.File.SetUnixFileMode(path, File | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        using (var again = Open(path))
        {
            _ = again.Engine;
        }

        Assert.Equal(File, PermissiveUmask.Mode(path));
    }

    public void Dispose() => root.Dispose();

    private static Database Open(string path) =>
        new(Microsoft.Extensions.Options.Options.Create(new StorageOptions { Path = path }), NullLogger<Database>.Instance);
}
