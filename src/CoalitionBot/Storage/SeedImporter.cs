namespace CoalitionBot.Storage;

/// Imports the channel lists of the previous bot (data/excluded_channels.txt and
/// data/important_channels.txt) when the database file is first created.
internal sealed class SeedImporter(Database database, ChannelListStore lists, ILogger<SeedImporter> logger)
{
    public const string ExcludedFile = "excluded_channels.txt";
    public const string ImportantFile = "important_channels.txt";

    public void ImportIfNew()
    {
        _ = database.Engine;
        if (!database.IsNew)
        {
            return;
        }

        var folder = Path.GetDirectoryName(database.FullPath) ?? ".";
        Import(Path.Combine(folder, ExcludedFile), excluded: true);
        Import(Path.Combine(folder, ImportantFile), excluded: false);
    }

    public static IEnumerable<string> ReadEntries(string path) =>
        File.ReadLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal));

    private void Import(string path, bool excluded)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var count = 0;
        foreach (var entry in ReadEntries(path))
        {
            lists.Seed(entry, excluded, important: !excluded);
            count++;
        }

        Log.SeedImported(logger, path, count);
    }
}
