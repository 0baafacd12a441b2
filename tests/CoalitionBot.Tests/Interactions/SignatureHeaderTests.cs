using System.Globalization;
using System.Net;
using System.Text;
using CoalitionBot.Tests.Support;
using CsCheck;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Tests.Interactions;

/// The signature headers come from anyone on the internet: whatever they hold, the answer is 401,
/// never a 5xx, and nothing throws on the way.
public sealed class SignatureHeaderTests
{
    private const string HexDigits = "0123456789abcdefABCDEF";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// Numbers that parse as a Unix time but lie outside what DateTimeOffset can hold, or near its edges.
    [Theory]
    [InlineData("999999999999")]
    [InlineData("253402300800")]
    [InlineData("253402300799")]
    [InlineData("100000000000")]
    [InlineData("0")]
    [InlineData("000000000000")]
    [InlineData("9223372036854775807")]
    [InlineData("9223372036854775808")]
    [InlineData("99999999999999999999999999999999")]
    [InlineData("-1")]
    [InlineData("-62135596801")]
    [InlineData("-9223372036854775808")]
    [InlineData("+1700000000")]
    public async Task A_well_formed_signature_with_a_timestamp_out_of_range_gets_401(string timestamp)
    {
        await using var app = new TestApp();
        var body = Encoding.UTF8.GetBytes(Payloads.Ping());
        using var request = SignedRequests.WithoutSignature(body);
        request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", app.Keys.Sign(timestamp, body));
        request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", timestamp);

        using var response = await app.Client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertNothingThrew(app);
    }

    [Fact]
    public async Task Random_signature_headers_always_get_401_and_never_a_server_error()
    {
        await using var app = new TestApp();
        var body = Encoding.UTF8.GetBytes(Payloads.Ping());

        await Headers.SampleAsync(
            async headers =>
            {
                using var request = SignedRequests.WithoutSignature(body);
                if (headers.Signature is not null)
                {
                    request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", headers.Signature);
                }

                if (headers.Timestamp is not null)
                {
                    request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", headers.Timestamp);
                }

                using var response = await app.Client.SendAsync(request, Token);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{(int)response.StatusCode} for {headers}");
            },
            iter: 2000,
            threads: 2);

        AssertNothingThrew(app);
    }

    private static void AssertNothingThrew(TestApp app) =>
        Assert.DoesNotContain(app.Logs.Lines, l => l.Exception is not null || l.Level >= LogLevel.Error);

    private sealed record SignatureHeaders(string? Signature, string? Timestamp)
    {
        public override string ToString() => $"signature [{Signature}] timestamp [{Timestamp}]";
    }

    /// Printable ASCII, a few Latin-1 and Unicode digits and letters, tabs: anything but the line
    /// breaks and NUL that no HTTP stack lets through.
    private static readonly Gen<char> AnyChar = Gen.Frequency(
        (6, Gen.Char[' ', '~']),
        (1, Gen.Char["\t\u00a0\u00e9\u00ff\u0660\u0669\uff10\uff19\u2212\u00b2\u0301\ufeff"]),
        (1, Gen.Char['\u0100', '\ud7ff']));

    private static readonly Gen<string> Digits = Gen.Char['0', '9'].Array[0, 40].Select(c => new string(c));

    private static readonly Gen<string> HexOfAnyLength = Gen.Char[HexDigits].Array[0, 300].Select(c => new string(c));

    private static readonly Gen<string> WellFormedSignature = Gen.Char[HexDigits].Array[128, 128].Select(c => new string(c));

    private static readonly Gen<string> AnyText = AnyChar.Array[0, 300].Select(c => new string(c));

    private static readonly Gen<string?> Signature = Gen.Frequency<string?>(
        (6, WellFormedSignature.Select(s => (string?)s)),
        (2, HexOfAnyLength.Select(s => (string?)s)),
        (2, AnyText.Select(s => (string?)s)),
        (1, Gen.Const((string?)null)),
        (1, Gen.Const<string?>("")));

    private static readonly Gen<string?> Timestamp = Gen.Frequency<string?>(
        (4, Digits.Select(s => (string?)s)),
        (3, Gen.Long.Select(n => (string?)n.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.Long[-100_000_000_000_000, 100_000_000_000_000].Select(n => (string?)n.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Select(Gen.OneOf(Gen.Const("+"), Gen.Const("-"), Gen.Const(" "), Gen.Const("0x"), Gen.Const("\u2212")), Digits, (sign, digits) => (string?)(sign + digits))),
        (1, Gen.Select(Digits, Gen.OneOf(Gen.Const(".5"), Gen.Const("e9"), Gen.Const(" "), Gen.Const(",0")), (digits, tail) => (string?)(digits + tail))),
        (2, AnyText.Select(s => (string?)s)),
        (1, Gen.Const((string?)null)),
        (1, Gen.Const<string?>("")));

    private static readonly Gen<SignatureHeaders> Headers = Gen.Select(Signature, Timestamp, (signature, timestamp) => new SignatureHeaders(signature, timestamp));
}
