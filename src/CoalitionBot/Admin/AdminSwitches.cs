using System.Text.Json;
using CoalitionBot.Security;
using CoalitionBot.Storage;

namespace CoalitionBot.Admin;

/// The feature switches moderators turn on and off (daily mail, weekly synthesis, summaries, the model's abstract).
internal sealed class AdminSwitches(SettingsStore settings, AuditTrail audit, TimeProvider time, ILogger<AdminSwitches> logger)
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

    /// Applies the change; the switches that moved go to the audit trail with who moved them
    /// ("dailyMail=off;summaries=on"), and a change that moves none records nothing.
    public FeatureSwitches Update(SwitchesChange change, Actor who)
    {
        var before = settings.Switches();
        var updated = settings.Update(current => current with
        {
            DailyMail = change.DailyMail ?? current.DailyMail,
            WeeklySynthesis = change.WeeklySynthesis ?? current.WeeklySynthesis,
            Summaries = change.Summaries ?? current.Summaries,
            Abstracts = change.Abstracts ?? current.Abstracts,
            DailyMailOnSince = change.DailyMail == true && !current.DailyMail ? time.GetUtcNow() : current.DailyMailOnSince,
        });
        Log.SwitchesChanged(logger, updated.DailyMail, updated.WeeklySynthesis, updated.Summaries, updated.Abstracts, who.Name);
        if (Moved(before, updated) is { Length: > 0 } moved)
        {
            audit.Record(who, AuditKinds.Switches, detail: moved);
        }

        return updated;
    }

    /// The switches that differ, as name=on|off separated by semicolons, in the page's order.
    public static string Moved(FeatureSwitches before, FeatureSwitches after)
    {
        (string Name, bool Before, bool After)[] all =
        [
            (nameof(SwitchesChange.DailyMail), before.DailyMail, after.DailyMail),
            (nameof(SwitchesChange.WeeklySynthesis), before.WeeklySynthesis, after.WeeklySynthesis),
            (nameof(SwitchesChange.Summaries), before.Summaries, after.Summaries),
            (nameof(SwitchesChange.Abstracts), before.Abstracts, after.Abstracts),
        ];
        return string.Join(';', all.Where(s => s.Before != s.After).Select(s => JsonNamingPolicy.CamelCase.ConvertName(s.Name) + (s.After ? "=on" : "=off")));
    }
}
