using System.Text.Json.Nodes;
using CoalitionBot.Discord.Models;
using CoalitionBot.Tests.Support;
using WireMock.RequestBuilders;

namespace CoalitionBot.Tests.Discord;

/// Interaction webhook routes go through the same handlers, authorised by the token in the path.
public sealed class InteractionRouteTests : IDisposable
{
    private const ulong ApplicationId = 1416000000000000000;
    private const string InteractionToken = "aW50ZXJhY3Rpb246MTQxNzIwMzM5OTExMjIzMzQ0NTpFWEFNUExF";

    private readonly GuildFake fake = new();
    private readonly TempDirectory data = new();

    [Fact]
    public async Task A_follow_up_is_posted_to_the_interaction_webhook_without_the_bot_token()
    {
        var author = fake.AddUser("coalitionbot", bot: true);
        var reply = Payloads.Message(new FakeMessage(fake.Snowflake(fake.Now), 1300000000000000111, author, "suite", fake.Now) { Flags = 64 });
        fake.Answer(Request.Create().WithPath($"{GuildFake.ApiPath}/webhooks/{ApplicationId}/{InteractionToken}").UsingPost(), _ => GuildFake.Ok(reply));
        using var host = IngestionFixtures.Host(data.Path, fake.BaseUrl, guildId: fake.Guild);

        var message = await host.DiscordClient.CreateFollowupMessageAsync(
            ApplicationId, InteractionToken, new WebhookMessageCreate("suite", Flags: 64, AllowedMentions: AllowedMentions.None), TestContext.Current.CancellationToken);

        Assert.Equal("suite", message.Content);
        var request = Assert.Single(fake.Requests).RequestMessage;
        Assert.False(request.Headers!.ContainsKey("Authorization"));
        var body = JsonNode.Parse(request.Body!)!;
        Assert.Equal(64, (int?)body["flags"]);
        Assert.Empty(body["allowed_mentions"]!["parse"]!.AsArray());
        OpenApiSchemas.AssertValid("MessageResponse", reply.ToJsonString());
        OpenApiSchemas.AssertValid(OpenApiSchemas.RequestBody("/webhooks/{webhook_id}/{webhook_token}", "post"), request.Body!, "follow-up");
        Assert.Empty(fake.UnmatchedRequests);
    }

    public void Dispose()
    {
        fake.Dispose();
        data.Dispose();
    }
}
