using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CoalitionBot.Security;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Interactions;

public sealed class InteractionEndpointTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_signed_ping_gets_a_json_pong()
    {
        await using var app = new TestApp();

        using var response = await app.Client.PostAsync(app.Keys, Payloads.Ping(), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.Equal("""{"type":1}""", body);
        OpenApiSchemas.AssertInteractionResponse(body);
    }

    public static TheoryData<string> TamperedRequests => new()
    {
        "missing signature",
        "missing timestamp",
        "empty signature",
        "signature not hex",
        "signature too short",
        "signature too long",
        "signed by another key",
        "body altered after signing",
        "one bit of the signature flipped",
        "timestamp changed after signing",
        "timestamp not a number",
    };

    [Theory]
    [MemberData(nameof(TamperedRequests))]
    public async Task A_tampered_or_unsigned_request_gets_401_before_parsing(string tampering)
    {
        await using var app = new TestApp();
        using var otherKeys = new TestKeys();
        var body = Encoding.UTF8.GetBytes(Payloads.Ping());
        var timestamp = TestKeys.Now();
        var signature = app.Keys.Sign(timestamp, body);
        using var request = SignedRequests.WithoutSignature(body);
        switch (tampering)
        {
            case "missing signature":
                request.Headers.Add("X-Signature-Timestamp", timestamp);
                break;
            case "missing timestamp":
                request.Headers.Add("X-Signature-Ed25519", signature);
                break;
            case "empty signature":
                request.Headers.Add("X-Signature-Ed25519", "");
                request.Headers.Add("X-Signature-Timestamp", timestamp);
                break;
            case "signature not hex":
                request.Headers.Add("X-Signature-Ed25519", new string('z', 128));
                request.Headers.Add("X-Signature-Timestamp", timestamp);
                break;
            case "signature too short":
                request.Headers.Add("X-Signature-Ed25519", signature[..126]);
                request.Headers.Add("X-Signature-Timestamp", timestamp);
                break;
            case "signature too long":
                request.Headers.Add("X-Signature-Ed25519", signature + "00");
                request.Headers.Add("X-Signature-Timestamp", timestamp);
                break;
            case "signed by another key":
                request.Headers.Add("X-Signature-Ed25519", otherKeys.Sign(timestamp, body));
                request.Headers.Add("X-Signature-Timestamp", timestamp);
                break;
            case "body altered after signing":
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Payloads.Ping().Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal)));
                request.Headers.Add("X-Signature-Ed25519", signature);
                request.Headers.Add("X-Signature-Timestamp", timestamp);
                break;
            case "one bit of the signature flipped":
                var bytes = Convert.FromHexString(signature);
                bytes[10] ^= 0x01;
                request.Headers.Add("X-Signature-Ed25519", Convert.ToHexStringLower(bytes));
                request.Headers.Add("X-Signature-Timestamp", timestamp);
                break;
            case "timestamp changed after signing":
                request.Headers.Add("X-Signature-Ed25519", signature);
                request.Headers.Add("X-Signature-Timestamp", (long.Parse(timestamp, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture));
                break;
            case "timestamp not a number":
                request.Headers.Add("X-Signature-Ed25519", app.Keys.Sign("soon", body));
                request.Headers.Add("X-Signature-Timestamp", "soon");
                break;
        }

        using var response = await app.Client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // Counted, and said in the summary line that the first refusal of a quiet minute writes at once.
        Assert.Equal(1, app.Get<Refusals>().Counts().Total);
        Assert.Contains(app.Logs.Lines, l => l.Message.StartsWith("Unauthenticated requests refused", StringComparison.Ordinal) && l.Message.Contains("signature", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(10)]
    public async Task A_correctly_signed_request_with_a_timestamp_minutes_away_is_refused_as_a_replay(int minutes)
    {
        await using var app = new TestApp();
        var timestamp = DateTimeOffset.FromUnixTimeSeconds(long.Parse(TestKeys.Now(), CultureInfo.InvariantCulture)).AddMinutes(minutes).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = SignedRequests.Create(app.Keys, Payloads.Ping(), timestamp);

        using var response = await app.Client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, app.Get<Refusals>().Counts().ByReason["staleTimestamp"]);
    }

    [Fact]
    public async Task A_timestamp_a_minute_off_is_still_accepted()
    {
        await using var app = new TestApp();
        var timestamp = (long.Parse(TestKeys.Now(), CultureInfo.InvariantCulture) - 60).ToString(CultureInfo.InvariantCulture);
        using var request = SignedRequests.Create(app.Keys, Payloads.Ping(), timestamp);

        using var response = await app.Client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_even_when_signed()
    {
        await using var app = new TestApp();
        var padding = new string(' ', 300 * 1024);
        using var request = SignedRequests.Create(app.Keys, Payloads.Ping().Insert(1, padding));

        using var response = await app.Client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_streamed_body_over_the_limit_without_content_length_gets_413()
    {
        await using var app = new TestApp(kestrel: true);
        var body = Encoding.UTF8.GetBytes(Payloads.Ping().Insert(1, new string(' ', 300 * 1024)));
        var timestamp = TestKeys.Now();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/interactions") { Content = new UnknownLengthContent(body) };
        request.Headers.Add("X-Signature-Ed25519", app.Keys.Sign(timestamp, body));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        Assert.Null(request.Content.Headers.ContentLength);
        using var socketClient = new HttpClient { BaseAddress = app.Client.BaseAddress };

        using var response = await socketClient.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        // Found while reading (the request has no Content-Length), and counted as a refusal.
        Assert.Equal(1, app.Get<Refusals>().Counts().ByReason["bodyTooLarge"]);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("""{"type":"one"}""")]
    [InlineData("""{"type":1}""")]
    [InlineData("""{"id":"abc","application_id":"1","type":1}""")]
    [InlineData("""{"id":"1","application_id":"2","type":2,"data":{"options":[]}}""")]
    [InlineData("""{"id":"1","application_id":"2","type":2,"data":{"name":"channels","options":[{"name":"x"}]}}""")]
    public async Task A_signed_body_that_is_not_an_interaction_gets_400(string body)
    {
        await using var app = new TestApp();

        using var response = await app.Client.PostAsync(app.Keys, body, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(app.Logs.Lines, l => l.Message.StartsWith("Interaction refused with 400", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(42)]
    public async Task An_unsupported_interaction_type_gets_an_ephemeral_message(int type)
    {
        await using var app = new TestApp();
        var body = Payloads.Interaction(type, new JsonObject { ["custom_id"] = "x", ["name"] = "x", ["component_type"] = 2 }).ToJsonString();

        using var response = await app.Client.PostAsync(app.Keys, body, Token);

        var answer = await ReadAnswerAsync(response);
        Assert.Equal(4, (int)answer["type"]!);
        Assert.Equal(64, (int)answer["data"]!["flags"]!);
    }

    [Fact]
    public async Task Without_a_public_key_the_endpoint_answers_503_and_says_why()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Discord:PublicKey"] = "" });

        using var response = await app.Client.PostAsync(app.Keys, Payloads.Ping(), Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Discord:PublicKey", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_post_is_routed_to_the_interactions_endpoint()
    {
        await using var app = new TestApp();

        using var response = await app.Client.GetAsync(new Uri("/interactions", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Random_garbage_never_yields_a_server_error()
    {
        await using var app = new TestApp();
        var random = new Random(20261124);
        for (var i = 0; i < 60; i++)
        {
            var body = new byte[random.Next(0, 2048)];
            random.NextBytes(body);
            if (i % 2 == 0)
            {
                // Half of them signed, so the parser sees them too.
                using var signed = SignedRequests.Create(app.Keys, body);
                using var signedResponse = await app.Client.SendAsync(signed, Token);
                Assert.True((int)signedResponse.StatusCode < 500, $"signed garbage #{i} gave {signedResponse.StatusCode}");
            }
            else
            {
                using var unsigned = SignedRequests.WithoutSignature(body);
                using var unsignedResponse = await app.Client.SendAsync(unsigned, Token);
                Assert.Equal(HttpStatusCode.Unauthorized, unsignedResponse.StatusCode);
            }
        }
    }

    internal static async Task<JsonNode> ReadAnswerAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        OpenApiSchemas.AssertInteractionResponse(body);
        return JsonNode.Parse(body)!;
    }

    /// Content that does not tell its length, so the request goes out chunked.
    private sealed class UnknownLengthContent(byte[] data) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(data).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
