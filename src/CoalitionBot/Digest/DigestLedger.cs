using System.Globalization;
using CoalitionBot.Storage;

namespace CoalitionBot.Digest;

/// The record of every day's digest: what was mailed, when, and what is still pending.
internal sealed class DigestLedger(Database database)
{
    public const string CollectionName = "digests";
    public const string DayFormat = "yyyy-MM-dd";

    public static string Key(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    public DigestRecord? Find(DateOnly day) => Records().FindById(Key(day));

    public void Save(DigestRecord record) => Records().Upsert(record);

    /// The most recent days first.
    public IReadOnlyList<DigestRecord> Latest(int count) =>
        Records().Query().OrderByDescending(r => r.Id).Limit(count).ToList();

    private LiteDB.ILiteCollection<DigestRecord> Records() => database.Collection<DigestRecord>(CollectionName);
}
