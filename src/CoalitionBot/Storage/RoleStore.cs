namespace CoalitionBot.Storage;

/// The server's roles with their server-wide permissions, as Discord last gave them (Get Guild): what
/// the digest's audience is worked out from, also before the next poll and after a restart.
internal sealed class RoleStore(Database database)
{
    public const string CollectionName = "roles";

    public IReadOnlyList<StoredRole> All() => Roles().FindAll().OrderByDescending(r => r.Position).ThenBy(r => r.Id).ToList();

    /// The server's roles now: roles deleted on Discord go.
    public void Replace(IReadOnlyCollection<StoredRole> roles)
    {
        var collection = Roles();
        var ids = roles.Select(r => unchecked((long)r.Id)).ToHashSet();
        foreach (var gone in collection.FindAll().Where(r => !ids.Contains(unchecked((long)r.Id))).ToList())
        {
            collection.Delete(new LiteDB.BsonValue(unchecked((long)gone.Id)));
        }

        collection.Upsert(roles);
    }

    /// One role, as an interaction resolved it (a role created since the last poll, say).
    public void Upsert(StoredRole role) => Roles().Upsert(role);

    private LiteDB.ILiteCollection<StoredRole> Roles() => database.Collection<StoredRole>(CollectionName);
}

/// A role of the server: its id (the server's id for @everyone), name, position and server-wide permissions.
internal sealed record StoredRole
{
    public ulong Id { get; init; }

    public string Name { get; init; } = "";

    public int Position { get; init; }

    public ulong Permissions { get; init; }
}

/// A moderator's choice of the digest's audience, which overrides Digest:AudienceRole: the role as
/// they gave it (an id or a name), with who chose it and when.
internal sealed record AudienceChoice
{
    public string Role { get; init; } = "";

    public ulong? ChangedById { get; init; }

    public string ChangedBy { get; init; } = "";

    public DateTimeOffset ChangedAt { get; init; }
}
