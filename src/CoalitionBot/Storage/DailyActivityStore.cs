using LiteDB;

namespace CoalitionBot.Storage;

/// The daily aggregates /report and the admin page read (<see cref="DayActivity"/>,
/// <see cref="ChannelDayActivity"/>). In the one LiteDB file, so backups carry them; the retention
/// job never deletes them.
internal sealed class DailyActivityStore(Database database)
{
    public const string DaysCollectionName = "activity_days";
    public const string ChannelsCollectionName = "activity_channel_days";

    /// Writes one day: only the documents whose counts changed, and removes the channels that no
    /// longer count (a message deleted on Discord). Returns how many documents were written or removed.
    public int Write(DayActivity day, IReadOnlyList<ChannelDayActivity> channels)
    {
        var engine = database.Engine;
        engine.BeginTrans();
        try
        {
            var changed = 0;
            var days = Days();
            if (days.FindById(day.Id) != day)
            {
                days.Upsert(day);
                changed++;
            }

            var byChannel = Channels().Find(c => c.DayNumber == day.Id).ToDictionary(c => c.Id);
            foreach (var channel in channels)
            {
                if (!byChannel.Remove(channel.Id, out var stored) || stored != channel)
                {
                    Channels().Upsert(channel);
                    changed++;
                }
            }

            foreach (var gone in byChannel.Keys)
            {
                Channels().Delete(gone);
                changed++;
            }

            engine.Commit();
            return changed;
        }
        catch
        {
            engine.Rollback();
            throw;
        }
    }

    /// The recorded days in [from, to], oldest first (a day the bot did not read has no record).
    public IReadOnlyList<DayActivity> Days(DateOnly from, DateOnly to) =>
        Days().Find(d => d.Id >= from.DayNumber && d.Id <= to.DayNumber).OrderBy(d => d.Id).ToList();

    public IReadOnlyList<ChannelDayActivity> Channels(DateOnly from, DateOnly to) =>
        Channels().Find(c => c.DayNumber >= from.DayNumber && c.DayNumber <= to.DayNumber).OrderBy(c => c.DayNumber).ThenBy(c => c.ChannelId).ToList();

    /// The first recorded day, or null before the first day is complete.
    public DateOnly? FirstDay => Days().Query().OrderBy(d => d.Id).FirstOrDefault()?.Day;

    /// The last recorded day, or null before the first day is complete.
    public DateOnly? LastDay => Days().Query().OrderByDescending(d => d.Id).FirstOrDefault()?.Day;

    public int Count() => Days().Count();

    private ILiteCollection<DayActivity> Days() => database.Collection<DayActivity>(DaysCollectionName);

    private ILiteCollection<ChannelDayActivity> Channels() => database.Collection<ChannelDayActivity>(ChannelsCollectionName);
}
