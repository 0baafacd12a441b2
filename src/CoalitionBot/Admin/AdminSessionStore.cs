using CoalitionBot.Storage;

namespace CoalitionBot.Admin;

/// The admin page's sign-in sessions, in the instance's LiteDB file.
internal sealed class AdminSessionStore(Database database)
{
    public const string CollectionName = "admin_sessions";

    public AdminSessionRecord? Find(string id) => Sessions().FindById(id);

    public IReadOnlyList<AdminSessionRecord> All() => Sessions().FindAll().ToList();

    public void Save(AdminSessionRecord session) => Sessions().Upsert(session);

    public bool Delete(string id) => Sessions().Delete(id);

    public int DeleteAll() => Sessions().DeleteAll();

    /// Few sessions exist (each needs the token), so they are read whole rather than queried.
    public void DeleteExpired(DateTimeOffset now)
    {
        foreach (var session in All().Where(s => s.ExpiresAt <= now))
        {
            Delete(session.Id);
        }
    }

    private LiteDB.ILiteCollection<AdminSessionRecord> Sessions() => database.Collection<AdminSessionRecord>(CollectionName);
}
