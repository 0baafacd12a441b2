using System.Globalization;
using System.Text;

namespace CoalitionBot.Storage;

/// Which channels are excluded from the digest and which are important, with who decided and when.
internal sealed class ChannelListStore(Database database, TimeProvider time)
{
    public const string CollectionName = "channel_lists";

    private long version;

    /// Changes whenever an entry is written, so an answer rendered from the lists can be reused
    /// until then (this process is the database's only writer).
    public long Version => Interlocked.Read(ref version);

    public IReadOnlyList<ChannelListEntry> All() => Entries().FindAll().OrderBy(e => e.Label, StringComparer.CurrentCultureIgnoreCase).ToList();

    public IReadOnlyList<ChannelListEntry> Excluded() => All().Where(e => e.Excluded).ToList();

    public IReadOnlyList<ChannelListEntry> Important() => All().Where(e => e.Important).ToList();

    public bool IsExcluded(ulong channelId) => Find(channelId)?.Excluded ?? false;

    public ChannelListEntry? Find(ulong channelId) => Entries().FindOne(e => e.ChannelId == channelId);

    /// Sets or clears the excluded flag. Returns false when it already had that value.
    public bool SetExcluded(ulong channelId, string? name, bool excluded, Actor actor) =>
        Update(channelId, name, actor, entry => entry.Excluded == excluded ? false : Apply(() => entry.Excluded = excluded));

    public bool SetImportant(ulong channelId, string? name, bool important, Actor actor) =>
        Update(channelId, name, actor, entry => entry.Important == important ? false : Apply(() => entry.Important = important));

    /// Adds an entry known only by name or id, as the seed files of the previous bot give them.
    public void Seed(string reference, bool excluded, bool important)
    {
        var trimmed = reference.Trim().TrimStart('#');
        ulong? id = ulong.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var entry = (id is { } known ? Find(known) : FindUnresolved(trimmed)) ?? new ChannelListEntry { ChannelId = id, Name = id is null ? trimmed : null };
        entry.Excluded |= excluded;
        entry.Important |= important;
        entry.ChangedBy = "import";
        entry.ChangedAt = time.GetUtcNow();
        Entries().Upsert(entry);
        Interlocked.Increment(ref version);
    }

    /// Gives ids and current names to entries, from the server's channel list.
    public void Reconcile(IEnumerable<(ulong Id, string Name)> channels)
    {
        var collection = Entries();
        foreach (var (id, name) in channels)
        {
            var entry = collection.FindOne(e => e.ChannelId == id) ?? FindUnresolved(name);
            if (entry is not null && (entry.ChannelId != id || entry.Name != name))
            {
                entry.ChannelId = id;
                entry.Name = name;
                collection.Update(entry);
                Interlocked.Increment(ref version);
            }
        }
    }

    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private ChannelListEntry? FindUnresolved(string name)
    {
        var folded = Fold(name);
        return Entries().Find(e => e.ChannelId == null).FirstOrDefault(e => e.Name is not null && Fold(e.Name) == folded);
    }

    private bool Update(ulong channelId, string? name, Actor actor, Func<ChannelListEntry, bool> change)
    {
        var collection = Entries();
        var entry = Find(channelId) ?? (name is null ? null : FindUnresolved(name)) ?? new ChannelListEntry { ChannelId = channelId };
        entry.ChannelId = channelId;
        entry.Name = name ?? entry.Name;
        if (!change(entry))
        {
            if (entry.Id != 0)
            {
                collection.Update(entry);
                Interlocked.Increment(ref version);
            }

            return false;
        }

        entry.ChangedById = actor.Id;
        entry.ChangedBy = actor.Name;
        entry.ChangedAt = time.GetUtcNow();
        collection.Upsert(entry);
        Interlocked.Increment(ref version);
        return true;
    }

    private static bool Apply(Action action)
    {
        action();
        return true;
    }

    private LiteDB.ILiteCollection<ChannelListEntry> Entries() => database.Collection<ChannelListEntry>(CollectionName);
}
