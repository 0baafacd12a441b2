using System.Globalization;

namespace CoalitionBot.Configuration;

/// Small checks shared by the options validators, each returning an error that names the key.
internal static class ConfigurationChecks
{
    public static bool IsSnowflake(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && value.Length <= 20
        && value.All(char.IsAsciiDigit)
        && ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
        && id > 0;

    public static bool IsHex(string value, int length) =>
        value.Length == length && value.All(char.IsAsciiHexDigit);

    public static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
