using System.Net.Http.Headers;
using System.Text;

namespace CoalitionBot.Tests.Support;

/// Builds POST /interactions requests signed like Discord's.
public static class SignedRequests
{
    public static HttpRequestMessage Create(TestKeys keys, string body, string? timestamp = null) =>
        Create(keys, Encoding.UTF8.GetBytes(body), timestamp);

    public static HttpRequestMessage Create(TestKeys keys, byte[] body, string? timestamp = null)
    {
        timestamp ??= TestKeys.Now();
        var request = WithoutSignature(body);
        request.Headers.Add("X-Signature-Ed25519", keys.Sign(timestamp, body));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }

    public static HttpRequestMessage WithoutSignature(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, "/interactions") { Content = content };
    }

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, TestKeys keys, string body, CancellationToken cancellationToken)
    {
        using var request = Create(keys, body);
        return await client.SendAsync(request, cancellationToken);
    }
}
