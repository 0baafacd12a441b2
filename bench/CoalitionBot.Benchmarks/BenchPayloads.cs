using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace CoalitionBot.Benchmarks;

/// Interaction bodies shaped as Discord sends them (the test project's Payloads, as plain strings).
internal static class BenchPayloads
{
    public const string GuildId = "1300000000000000000";

    public static string Ping(long id = 1417203399112230000) =>
        $$"""{"type":1,"id":"{{id}}","application_id":"1416000000000000000","token":"aW50ZXJhY3Rpb246cGluZw","version":1}""";

    /// /channels from a moderator, in French, in the configured server.
    public static string Channels(long id = 1417203399112233445) =>
        $$$"""{"type":2,"version":1,"id":"{{{id}}}","application_id":"1416000000000000000","token":"aW50ZXJhY3Rpb246MTQxNzIwMzM5OTExMjIzMzQ0NTpFWEFNUExF","channel_id":"1300000000000000111","app_permissions":"379904","locale":"fr","entitlements":[],"context":0,"attachment_size_limit":10485760,"member":{"user":{"id":"222222222222222222","username":"camille","global_name":"Camille","discriminator":"0","avatar":null,"public_flags":0},"nick":null,"roles":["1300000000000000500"],"joined_at":"2025-01-12T09:30:00.000000+00:00","premium_since":null,"deaf":false,"mute":false,"flags":0,"pending":false,"permissions":"311385640032"},"guild_id":"{{{GuildId}}}","guild_locale":"fr","guild":{"id":"{{{GuildId}}}","locale":"fr","features":[]},"authorizing_integration_owners":{"0":"{{{GuildId}}}"},"data":{"id":"1416500000000000010","name":"channels","type":1}}""";

    public static string Now(TimeProvider time) => time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// Hex signature of UTF-8(timestamp) followed by the body, as Discord signs.
    public static string Sign(Key key, string timestamp, byte[] body)
    {
        var message = new byte[Encoding.UTF8.GetByteCount(timestamp) + body.Length];
        var written = Encoding.UTF8.GetBytes(timestamp, message);
        body.CopyTo(message, written);
        return Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, message));
    }
}
