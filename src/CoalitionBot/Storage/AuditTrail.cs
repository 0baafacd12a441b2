namespace CoalitionBot.Storage;

/// Every change a moderator makes, by name: who (a Discord member, or the admin token), when, what
/// and to what (LiteDB collection "audit"). Bounded: the oldest entries go once there are more than
/// <see cref="Capacity"/>. Written where the change is made, so the admin page, the API and the
/// slash commands record it the same way.
internal sealed class AuditTrail(Database database, TimeProvider time)
{
    public const string CollectionName = "audit";

    /// How many entries are kept: at ten changes a week, about four years (docs/admin.md, "History").
    public const int Capacity = 2_000;

    /// Records one change and drops the entries past <see cref="Capacity"/>. Ids only grow, so the
    /// newest entries are the highest ids, and the bound is one indexed delete.
    public AuditEntry Record(Actor actor, string kind, string? targetId = null, string? target = null, string? detail = null)
    {
        var entry = new AuditEntry
        {
            At = time.GetUtcNow(),
            ActorId = actor.Id,
            Actor = actor.Name,
            Kind = kind,
            TargetId = targetId,
            Target = target,
            Detail = detail,
        };
        var entries = Entries();
        entries.Insert(entry);
        if (entry.Id > Capacity)
        {
            var oldestKept = entry.Id - Capacity;
            entries.DeleteMany(e => e.Id <= oldestKept);
        }

        return entry;
    }

    /// Runs an action and records it with what it answered, or with why it failed (then rethrown).
    public async Task<string> RecordAsync(Actor actor, string kind, Func<Task<string>> action)
    {
        string outcome;
        try
        {
            outcome = await action();
        }
        catch (Exception exception)
        {
            Record(actor, kind, detail: exception.GetType().Name);
            throw;
        }

        Record(actor, kind, detail: outcome);
        return outcome;
    }

    /// The newest entries first.
    public IReadOnlyList<AuditEntry> Latest(int count) =>
        Entries().Query().OrderByDescending(e => e.Id).Limit(Math.Clamp(count, 1, Capacity)).ToList();

    public int Count() => Entries().Count();

    private LiteDB.ILiteCollection<AuditEntry> Entries() => database.Collection<AuditEntry>(CollectionName);
}

/// One change in the audit trail. ActorId is the member's Discord id (null for the admin token);
/// TargetId and Target name what changed (a channel's id and name, a role's id and label, a day).
internal sealed class AuditEntry
{
    public int Id { get; set; }

    public DateTimeOffset At { get; set; }

    public ulong? ActorId { get; set; }

    public string Actor { get; set; } = "";

    /// One of <see cref="AuditKinds"/>.
    public string Kind { get; set; } = "";

    public string? TargetId { get; set; }

    public string? Target { get; set; }

    /// What else there is to know: the switches that changed ("dailyMail=off;summaries=on"), the
    /// audience before, a send's outcome, the sentence an action answered.
    public string? Detail { get; set; }
}

/// What a change was, as stored and as the API gives it.
internal static class AuditKinds
{
    public const string Excluded = "excluded";
    public const string Included = "included";
    public const string Important = "important";
    public const string NotImportant = "not-important";
    public const string Audience = "audience";
    public const string Switches = "switches";
    public const string DigestSent = "digest-sent";
    public const string DigestResent = "digest-resent";
    public const string PollNow = "poll-now";
    public const string TestMail = "test-mail";
    public const string BackupNow = "backup-now";
    public const string Restart = "restart";
    public const string SessionsRevoked = "sessions-revoked";

    /// The kind of an admin page action, by its key; an action not listed here keeps its key.
    public static string ForAction(string key) => key switch
    {
        "send-digest" => DigestSent,
        "poll" => PollNow,
        "test-mail" => TestMail,
        "backup" => BackupNow,
        _ => "action-" + key,
    };
}
