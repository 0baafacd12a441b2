namespace CoalitionBot.Localization;

internal enum Language
{
    French,
    English,
}

internal static class Languages
{
    public static Language FromCode(string? code) =>
        string.Equals(code, "en", StringComparison.OrdinalIgnoreCase) ? Language.English : Language.French;

    /// A member's Discord locale wins when it is French or English; any other falls back to the
    /// configured language.
    public static Language FromLocale(string? locale, Language fallback) => locale switch
    {
        null or "" => fallback,
        _ when locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) => Language.English,
        _ when locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase) => Language.French,
        _ => fallback,
    };
}
