using System.Text;
using BenchmarkDotNet.Attributes;
using CoalitionBot.Discord;
using CoalitionBot.Interactions;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace CoalitionBot.Benchmarks.Micro;

/// The one unavoidable cost (NSec's Ed25519 verify) and our verifier around it.
[MemoryDiagnoser]
public class SignatureBenchmarks : IDisposable
{
    private Key? key;
    private PublicKey? publicKey;
    private SignatureVerifier? verifier;
    private byte[] body = [];
    private byte[] message = [];
    private byte[] signature = [];
    private string signatureHex = "";
    private string timestamp = "";

    [GlobalSetup]
    public void Setup()
    {
        key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        publicKey = key.PublicKey;
        timestamp = BenchPayloads.Now(TimeProvider.System);
        body = Encoding.UTF8.GetBytes(BenchPayloads.Channels());
        message = [.. Encoding.UTF8.GetBytes(timestamp), .. body];
        signature = SignatureAlgorithm.Ed25519.Sign(key, message);
        signatureHex = Convert.ToHexStringLower(signature);
        var options = Options.Create(new DiscordOptions { PublicKey = Convert.ToHexStringLower(publicKey.Export(KeyBlobFormat.RawPublicKey)) });
        verifier = new SignatureVerifier(options, TimeProvider.System);
    }

    [Benchmark(Baseline = true, Description = "NSec Ed25519 verify")]
    public bool NSecVerify() => SignatureAlgorithm.Ed25519.Verify(publicKey!, message, signature);

    [Benchmark(Description = "SignatureVerifier CheckHeaders+Verify")]
    public bool VerifierCheckHeadersAndVerify()
    {
        Span<byte> decoded = stackalloc byte[64];
        return verifier!.CheckHeaders(signatureHex, timestamp, decoded) == SignatureCheck.Valid
            && verifier.Verify(decoded, timestamp, body);
    }

    // BenchmarkDotNet does not dispose benchmark instances; it calls the cleanup method.
    [GlobalCleanup]
    public void Dispose()
    {
        key?.Dispose();
        GC.SuppressFinalize(this);
    }
}
