using System.Globalization;

namespace CoalitionBot.Digest;

internal sealed class DigestOptions
{
    public const string SectionName = "Digest";

    public string? To { get; set; }

    public string? From { get; set; }

    public string SendAt { get; set; } = "07:00";

    public string TimeZone { get; set; } = "Europe/Brussels";

    public string Language { get; set; } = "fr";

    /// The server's name in the subject and title ("[Coalition FFJ] Résumé du …"); empty: the name
    /// the server has on Discord (<see cref="ServerNameSource"/>).
    public string ServerName { get; set; } = "";

    /// The role whose view of the server decides which channels are mailed: a role id or name
    /// (<see cref="DigestAudience"/>). A moderator's choice, stored, overrides it.
    public string AudienceRole { get; set; } = DigestAudience.Everyone;

    /// Mail a digest for a day without messages too (it is recorded either way).
    public bool SendEmptyDays { get; set; }

    /// How many past days are caught up at start when the bot was down at send time.
    public int CatchUpDays { get; set; } = 7;

    /// Also mail a synthesis of the past week, on <see cref="WeeklyOn"/> at the send time.
    public bool WeeklyDigest { get; set; }

    public string WeeklyOn { get; set; } = "Monday";

    public DayOfWeek GetWeeklyOn() => Enum.Parse<DayOfWeek>(WeeklyOn, ignoreCase: true);

    /// The mail's size budget in bytes, HTML and text together.
    public int MaxBytes { get; set; } = 40_000;

    public TimeOnly GetSendAt() => TimeOnly.ParseExact(SendAt, "HH:mm", CultureInfo.InvariantCulture);

    public TimeZoneInfo GetZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public bool IsEnglish() => string.Equals(Language, "en", StringComparison.OrdinalIgnoreCase);
}
