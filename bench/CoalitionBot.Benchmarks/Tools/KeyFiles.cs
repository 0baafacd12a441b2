using NSec.Cryptography;

namespace CoalitionBot.Benchmarks.Tools;

/// A throw-away Ed25519 key pair for the load run: the private key stays in the run's temp folder.
internal static class KeyFiles
{
    /// keygen --out DIR: writes DIR/private.key (raw) and DIR/public.hex.
    public static int Generate(string[] args)
    {
        var directory = new Arguments(args).Get("out");
        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        File.WriteAllBytes(Path.Combine(directory, "private.key"), key.Export(KeyBlobFormat.RawPrivateKey));
        File.WriteAllText(Path.Combine(directory, "public.hex"), Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        return 0;
    }

    public static Key Load(string directory) =>
        Key.Import(SignatureAlgorithm.Ed25519, File.ReadAllBytes(Path.Combine(directory, "private.key")), KeyBlobFormat.RawPrivateKey);
}
