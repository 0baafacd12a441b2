using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;

namespace CoalitionBot.Benchmarks.Tools;

/// bare-server --url URL --keys DIR: the floor the bot is measured against. A minimal API with
/// nothing but Kestrel, one route, the Ed25519 check of Discord's headers over timestamp + body,
/// and a constant PONG: what any ASP.NET Core interactions endpoint on this machine must spend.
/// Not the bot, not a product: a reference row of the load table (issue 7's "bare minimal API").
internal static class BareServer
{
    private static readonly byte[] Pong = """{"type":1}"""u8.ToArray();

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new Arguments(args);
        var publicKey = PublicKey.Import(
            SignatureAlgorithm.Ed25519,
            Convert.FromHexString(File.ReadAllText(Path.Combine(arguments.Get("keys"), "public.hex")).Trim()),
            KeyBlobFormat.RawPublicKey);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(arguments.Get("url"));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        app.MapPost("/interactions", async context =>
        {
            var signature = Convert.FromHexString(context.Request.Headers["X-Signature-Ed25519"].ToString());
            var timestamp = Encoding.ASCII.GetBytes(context.Request.Headers["X-Signature-Timestamp"].ToString());
            var body = await ReadAllAsync(context.Request.Body, context.RequestAborted);
            var message = new byte[timestamp.Length + body.Length];
            timestamp.CopyTo(message, 0);
            body.CopyTo(message, timestamp.Length);
            if (!SignatureAlgorithm.Ed25519.Verify(publicKey, message, signature))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            context.Response.ContentType = "application/json";
            context.Response.ContentLength = Pong.Length;
            await context.Response.Body.WriteAsync(Pong, context.RequestAborted);
        });
        await app.RunAsync();
        return 0;
    }

    private static async Task<byte[]> ReadAllAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        while (true)
        {
            var read = await body.ReadAsync(buffer.GetMemory(1024), cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
        }
    }
}
