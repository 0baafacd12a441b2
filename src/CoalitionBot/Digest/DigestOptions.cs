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

    public TimeOnly GetSendAt() => TimeOnly.ParseExact(SendAt, "HH:mm", CultureInfo.InvariantCulture);

    public TimeZoneInfo GetZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public bool IsEnglish() => string.Equals(Language, "en", StringComparison.OrdinalIgnoreCase);
}
