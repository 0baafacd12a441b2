using CoalitionBot.Security;
using CoalitionBot.Storage;

namespace CoalitionBot.Admin;

/// The feature switches moderators turn on and off (daily mail, weekly synthesis, summaries, the model's abstract).
internal sealed class AdminSwitches(SettingsStore settings, TimeProvider time, ILogger<AdminSwitches> logger)
{
    public FeatureSwitches Read() => settings.Switches();

    /// For the status: a database that cannot be read costs this part only, with one log line.
    public FeatureSwitches? TryRead()
    {
        try
        {
            return settings.Switches();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.StatusPartFailed(logger, "switches", exception.GetType().Name, UnhandledExceptions.OneLine(exception.Message));
            return null;
        }
    }

    public FeatureSwitches Update(SwitchesChange change, Actor who)
    {
        var updated = settings.Update(current => current with
        {
            DailyMail = change.DailyMail ?? current.DailyMail,
            WeeklySynthesis = change.WeeklySynthesis ?? current.WeeklySynthesis,
            Summaries = change.Summaries ?? current.Summaries,
            Abstracts = change.Abstracts ?? current.Abstracts,
            DailyMailOnSince = change.DailyMail == true && !current.DailyMail ? time.GetUtcNow() : current.DailyMailOnSince,
        });
        Log.SwitchesChanged(logger, updated.DailyMail, updated.WeeklySynthesis, updated.Summaries, updated.Abstracts, who.Name);
        return updated;
    }
}
