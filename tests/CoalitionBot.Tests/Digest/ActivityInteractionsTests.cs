using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CoalitionBot.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CoalitionBot.Tests.Digest;

/// /resume and /report as Discord sends them: signed, deferred, then the answer edited through the webhook.
public sealed class ActivityInteractionsTests : IDisposable
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private readonly WireMockServer discord = WireMockServer.Start();
    private readonly Key key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        discord.Stop();
        discord.Dispose();
        key.Dispose();
    }

    private TestApp App()
    {
        discord.Given(Request.Create().WithPath("/webhooks/2/interaction-token/messages/@original").UsingPatch())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"id\":\"1\"}"));
        var app = DigestFixtures.App(DigestHarness.Local(Monday.AddDays(1), 15), new Dictionary<string, string?>
        {
            ["Discord:PublicKey"] = Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
            ["Discord:ApplicationId"] = "2",
            ["Discord:ApiBaseUrl"] = discord.Url!,
        });
        var services = app.Services;
        services.GetRequiredService<ChannelStore>().Upsert([DigestFixtures.Channel(10, "général")]);
        services.GetRequiredService<MessageStore>().Upsert(
            [.. Enumerable.Range(0, 3).Select(i => DigestFixtures.Message(10, "aujourd'hui " + i, hour: 9 + i, author: (ulong)i + 1, day: Monday.AddDays(1)) with
            {
                Reactions = [new StoredReaction("👍", null, i + 1)],
            })]);
        return app;
    }

    private async Task<HttpResponseMessage> PostSignedAsync(TestApp app, string data)
    {
        var body = "{\"id\":\"1\",\"application_id\":\"2\",\"type\":2,\"token\":\"interaction-token\",\"guild_id\":\"42\",\"channel_id\":\"10\",\"locale\":\"fr\","
            + "\"member\":{\"user\":{\"id\":\"7\",\"username\":\"alice\"},\"permissions\":\"0\"},\"data\":" + data + "}";
        var timestamp = app.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexStringLower(signature));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        using var client = app.CreateClient();
        return await client.SendAsync(request, Token);
    }

    /// The deferred edit arrives in the background: wait for it, with a bound.
    private async Task<JsonDocument> EditAsync()
    {
        for (var attempt = 0; attempt < 400 && !discord.LogEntries.Any(); attempt++)
        {
            await Task.Delay(25, Token);
        }

        var entry = Assert.Single(discord.LogEntries);
        Assert.Equal("PATCH", entry.RequestMessage.Method);
        return JsonDocument.Parse(entry.RequestMessage.Body!);
    }

    [Fact]
    public async Task Resume_answers_thinking_privately_then_edits_in_the_embeds()
    {
        await using var app = App();

        var response = await PostSignedAsync(app, "{\"id\":\"9\",\"name\":\"resume\",\"type\":1}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal(5, answer.RootElement.GetProperty("type").GetInt32());
        Assert.Equal(64, answer.RootElement.GetProperty("data").GetProperty("flags").GetInt32());
        using var edit = await EditAsync();
        var embed = edit.RootElement.GetProperty("embeds")[0];
        Assert.Equal("Depuis le dernier résumé", embed.GetProperty("title").GetString());
        Assert.Contains("3 messages", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, edit.RootElement.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public async Task Report_of_a_week_edits_the_answer_with_a_PNG_chart_sent_as_Discord_documents_files_on_an_answer()
    {
        await using var app = App();
        app.Time.SetUtcNow(app.Time.GetUtcNow().AddDays(1));

        var response = await PostSignedAsync(app, "{\"id\":\"9\",\"name\":\"report\",\"type\":1,\"options\":[{\"name\":\"period\",\"type\":3,\"value\":\"week\"}]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = await PatchAsync();
        var contentType = MediaTypeHeaderValue.Parse(entry.RequestMessage.Headers!["Content-Type"].Single());
        Assert.Equal("multipart/form-data", contentType.MediaType.Value);
        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(contentType.Boundary).Value!, new MemoryStream(entry.RequestMessage.BodyAsBytes!));
        var parts = new Dictionary<string, (string? FileName, string? Type, byte[] Body)>();
        while (await reader.ReadNextSectionAsync(Token) is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var body = new MemoryStream();
            await section.Body.CopyToAsync(body, Token);
            parts.Add(HeaderUtilities.RemoveQuotes(disposition.Name).Value!, (HeaderUtilities.RemoveQuotes(disposition.FileName).Value, section.ContentType, body.ToArray()));
        }

        const string Path = "/webhooks/{webhook_id}/{webhook_token}/messages/@original";
        Assert.Equal(["files[0]", "payload_json"], parts.Keys.Order());
        Assert.Subset(OpenApiSchemas.MultipartFileParts(Path, "patch").ToHashSet(), parts.Keys.Where(k => k != "payload_json").ToHashSet());
        var payload = Encoding.UTF8.GetString(parts["payload_json"].Body);
        OpenApiSchemas.AssertValid(OpenApiSchemas.RequestBody(Path, "patch"), payload, "original response edit with a file");
        using var edit = JsonDocument.Parse(payload);
        var attachment = Assert.Single(edit.RootElement.GetProperty("attachments").EnumerateArray());
        Assert.Equal("0", attachment.GetProperty("id").GetString());
        Assert.Equal("activity.png", attachment.GetProperty("filename").GetString());
        var embed = edit.RootElement.GetProperty("embeds")[0];
        Assert.Equal("attachment://activity.png", embed.GetProperty("image").GetProperty("url").GetString());
        Assert.Contains("3 messages", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Messages par jour", embed.GetProperty("fields")[0].GetProperty("name").GetString());
        Assert.Equal("activity.png", parts["files[0]"].FileName);
        Assert.Equal("image/png", parts["files[0]"].Type);
        var image = PngImage.Decode(parts["files[0]"].Body);
        Assert.Equal((800, 300), (image.Width, image.Height));
        Assert.True(image.DistinctColours() > 3, "the chart is blank");
    }

    private async Task<WireMock.Logging.ILogEntry> PatchAsync()
    {
        for (var attempt = 0; attempt < 400 && !discord.LogEntries.Any(); attempt++)
        {
            await Task.Delay(25, Token);
        }

        return Assert.Single(discord.LogEntries);
    }

    [Fact]
    public async Task Report_answers_thinking_then_edits_in_the_activity_report()
    {
        await using var app = App();

        var response = await PostSignedAsync(app, "{\"id\":\"9\",\"name\":\"report\",\"type\":1,\"options\":[{\"name\":\"period\",\"type\":3,\"value\":\"day\"}]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var edit = await EditAsync();
        Assert.Equal("Activité d'hier", edit.RootElement.GetProperty("embeds")[0].GetProperty("title").GetString());
    }
}
