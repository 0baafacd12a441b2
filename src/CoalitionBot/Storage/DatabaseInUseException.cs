namespace CoalitionBot.Storage;

/// Another process holds the database: this one must not open it. Not an IOException, so that the
/// handlers that ride out a database failure (and retry it) let this one stop the process instead.
internal sealed class DatabaseInUseException(string path, string? holder) : Exception(
    $"The database {path} is in use by {holder ?? "another CoalitionBot process, such as the running bot"}: stop it first (docker compose stop bot), then run this again.")
{
    public string Path { get; } = path;

    public string? Holder { get; } = holder;
}
