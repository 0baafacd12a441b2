using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace CoalitionBot.Tests.Support;

/// A real Ed25519 key pair, made for the test, that signs requests the way Discord does.
public sealed class TestKeys : IDisposable
{
    private readonly Key key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    public string PublicKeyHex => Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public static string Now(TimeProvider? time = null) =>
        (time ?? TimeProvider.System).GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// Hex signature of UTF-8(timestamp) followed by the body bytes.
    public string Sign(string timestamp, byte[] body)
    {
        var message = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
        return Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, message));
    }

    public void Dispose() => key.Dispose();
}
