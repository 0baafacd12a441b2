using System.Text;

namespace CoalitionBot.Benchmarks.Tools;

/// One line of a file written by <see cref="SignedRequestWriter"/>.
internal sealed record SignedRequest(string Timestamp, string Signature, byte[] Body)
{
    public static SignedRequest[] ReadAll(string path) =>
        File.ReadAllLines(path)
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t', 3))
            .Select(parts => new SignedRequest(parts[0], parts[1], Encoding.UTF8.GetBytes(parts[2])))
            .ToArray();

    public HttpRequestMessage ToMessage(Uri url)
    {
        var content = new ByteArrayContent(Body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        message.Headers.TryAddWithoutValidation("X-Signature-Ed25519", Signature);
        message.Headers.TryAddWithoutValidation("X-Signature-Timestamp", Timestamp);
        return message;
    }
}
