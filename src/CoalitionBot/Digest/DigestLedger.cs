using System.Globalization;
using CoalitionBot.Storage;

namespace CoalitionBot.Digest;

/// The record of every day's digest: what was mailed, when, and what is still pending.
internal sealed class DigestLedger(Database database)
{
    public const string CollectionName = "digests";
    public const string DayFormat = "yyyy-MM-dd";

    public static string Key(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    public DigestRecord? Find(DateOnly day) => Find(Key(day));

    public DigestRecord? Find(string key) => Records().FindById(key);

    public void Save(DigestRecord record) => Records().Upsert(record);

    /// The most recent days first.
    public IReadOnlyList<DigestRecord> Latest(int count) =>
        Records().Query().OrderByDescending(r => r.Id).Limit(count).ToList();

    /// Drops the HTML and text of digests before a day (they quote messages, which have a retention
    /// period); the records themselves stay. Returns how many were cleared.
    public int ForgetContentsBefore(DateOnly day)
    {
        var key = Key(day);
        var collection = Records();
        var old = collection.Find(LiteDB.Query.LT("_id", new LiteDB.BsonValue(key))).Where(r => !string.IsNullOrEmpty(r.Html) || !string.IsNullOrEmpty(r.Text)).ToList();
        foreach (var record in old)
        {
            record.Html = "";
            record.Text = "";
            collection.Update(record);
        }

        return old.Count;
    }

    private LiteDB.ILiteCollection<DigestRecord> Records() => database.Collection<DigestRecord>(CollectionName);
}
