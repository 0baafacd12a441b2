namespace CoalitionBot.Tests.Support;

public static class RepositoryPaths
{
    /// The folder holding CoalitionBot.sln, found upwards from the test binaries.
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CoalitionBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CoalitionBot.sln not found above " + AppContext.BaseDirectory);
    }
}
