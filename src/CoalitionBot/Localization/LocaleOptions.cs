namespace CoalitionBot.Localization;

/// The language members and subscribers read and the zone their days are counted in. Bound from
/// the keys operators already set (Digest:Language, Digest:TimeZone), which DigestOptionsValidator
/// checks; every folder but the digest reads them here.
internal sealed class LocaleOptions
{
    public const string SectionName = "Digest";

    public string TimeZone { get; set; } = "Europe/Brussels";

    public string Language { get; set; } = "fr";

    public TimeZoneInfo GetZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public Language GetLanguage() => Languages.FromCode(Language);
}
