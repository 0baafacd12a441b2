namespace CoalitionBot.Storage;

/// Who made a change: a Discord member (from a slash command or the admin page's sign-in with
/// Discord, with their id and the name their server shows), or the shared admin token (no id).
internal sealed record Actor(ulong? Id, string Name)
{
    /// The admin API's caller, and whoever signed in to the page with the token: a script or the maintainer.
    public static readonly Actor Token = new(null, "token");

    /// A Discord member under the name their server shows: the server nickname, else the display
    /// name, else the user name. Slash commands and the page's sign-in with Discord both name people
    /// this way, so the channel lists, the audience and the audit trail read the same.
    public static Actor Member(ulong? id, string? nick, string? globalName, string? username) =>
        new(id, FirstOf(nick, globalName, username) ?? "?");

    private static string? FirstOf(params string?[] names) => names.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
}
