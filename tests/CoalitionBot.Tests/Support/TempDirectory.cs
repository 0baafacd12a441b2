namespace CoalitionBot.Tests.Support;

/// A temporary directory removed at the end of the test.
internal sealed class TempDirectory(string prefix = "coalitionbot-tests-") : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background task: the OS temp cleaner will get it.
        }
    }
}
