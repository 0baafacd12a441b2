namespace CoalitionBot.Digest;

/// One digest to mail and record: a local day, or a week for the weekly synthesis. The key names
/// its ledger record and the Message-ID is derived from it, so each slot is mailed once.
internal sealed record DigestSlot(string Key, DigestPeriod Period, DigestPeriod Previous)
{
    public const string WeekPrefix = "week-";

    public static DigestSlot Day(DateOnly day, TimeZoneInfo zone) =>
        new(DigestLedger.Key(day), DigestPeriod.ForDay(day, zone), DigestPeriod.ForDay(day.AddDays(-1), zone));

    public static DigestSlot Week(DateOnly firstDay, TimeZoneInfo zone) =>
        new(WeekPrefix + DigestLedger.Key(firstDay), DigestPeriod.ForWeek(firstDay, zone), DigestPeriod.ForWeek(firstDay.AddDays(-7), zone));

    public string MessageId(ulong guildId) => MailComposer.MessageId(guildId, Key);
}
