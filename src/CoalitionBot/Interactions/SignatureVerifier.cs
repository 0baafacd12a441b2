using System.Buffers;
using System.Globalization;
using System.Text;
using CoalitionBot.Discord;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace CoalitionBot.Interactions;

internal enum SignatureCheck
{
    Valid,
    MissingHeader,
    MalformedHeader,
    StaleTimestamp,
    BadSignature,
}

/// Ed25519 check of Discord's X-Signature-Ed25519 over X-Signature-Timestamp + raw body.
internal sealed class SignatureVerifier
{
    public const int SignatureHexLength = 128;

    /// Unix seconds have 10 digits until the year 2286; anything much longer is not a timestamp.
    public const int MaxTimestampLength = 12;

    /// Discord's clocks and ours may drift; beyond this a request is treated as a replay.
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly PublicKey? publicKey;
    private readonly TimeProvider time;

    public SignatureVerifier(IOptions<DiscordOptions> options, TimeProvider time)
    {
        this.time = time;
        if (options.Value.HasPublicKey)
        {
            publicKey = PublicKey.Import(Algorithm, Convert.FromHexString(options.Value.PublicKey!.Trim()), KeyBlobFormat.RawPublicKey);
        }
    }

    public bool IsConfigured => publicKey is not null;

    /// Checks the headers' shape and freshness, before the body is even read.
    public SignatureCheck CheckHeaders(string? signatureHex, string? timestamp, Span<byte> signature)
    {
        if (string.IsNullOrEmpty(signatureHex) || string.IsNullOrEmpty(timestamp))
        {
            return SignatureCheck.MissingHeader;
        }

        if (signatureHex.Length != SignatureHexLength
            || Convert.FromHexString(signatureHex, signature, out _, out var written) != OperationStatus.Done
            || written != signature.Length
            || timestamp.Length > MaxTimestampLength
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.MalformedHeader;
        }

        // Compared in whole seconds, never turned into a date: no number can fall outside a type's range.
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var skew = (long)MaxClockSkew.TotalSeconds;
        return seconds < now - skew || seconds > now + skew ? SignatureCheck.StaleTimestamp : SignatureCheck.Valid;
    }

    public bool Verify(ReadOnlySpan<byte> signature, string timestamp, ReadOnlySpan<byte> body)
    {
        if (publicKey is null)
        {
            return false;
        }

        var timestampLength = Encoding.UTF8.GetByteCount(timestamp);
        var buffer = ArrayPool<byte>.Shared.Rent(timestampLength + body.Length);
        try
        {
            var written = Encoding.UTF8.GetBytes(timestamp, buffer);
            body.CopyTo(buffer.AsSpan(written));
            return Algorithm.Verify(publicKey, buffer.AsSpan(0, written + body.Length), signature);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
