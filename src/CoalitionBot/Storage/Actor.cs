namespace CoalitionBot.Storage;

/// Who made a change: a Discord member (from a slash command or the admin page's sign-in with
/// Discord, with their id and the name their server shows), or the shared admin token (no id).
internal sealed record Actor(ulong? Id, string Name)
{
    /// The admin API's caller, and whoever signed in to the page with the token: a script or the maintainer.
    public static readonly Actor Token = new(null, "token");
}
