using System.Text.Json.Nodes;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Discord;

/// The WireMock Discord that ingestion is tested against must answer as Discord does: its payloads
/// are checked against the response schemas of Discord's OpenAPI description.
public sealed class DiscordPayloadTests
{
    [Fact]
    public void Fake_message_pages_match_the_list_messages_response()
    {
        using var fake = new GuildFake();
        _ = new SampleGuild(fake);

        var page = new JsonArray([.. fake.AllMessages.Select(m => (JsonNode)Payloads.Message(m))]);

        OpenApiSchemas.AssertValid(OpenApiSchemas.ResponseBody("/channels/{channel_id}/messages", "get"), page.ToJsonString(), "messages page");
        Assert.Contains(page, m => m!["reactions"] is not null && m["message_reference"] is not null);
        Assert.Contains(page, m => m!["webhook_id"] is not null);
    }

    [Fact]
    public void Fake_channels_and_threads_match_the_guild_channels_and_threads_responses()
    {
        using var fake = new GuildFake();
        var server = new SampleGuild(fake);
        server.Thread.ArchivedAt = fake.Now;
        var channels = new JsonArray([.. fake.Channels.Where(c => !c.IsThread).Select(c => (JsonNode)Payloads.Channel(c, fake.Guild))]);
        var active = Payloads.Threads(fake.Channels.Where(c => c.IsThread && c.ArchivedAt is null), fake.Guild);
        var archived = Payloads.Threads(fake.Channels.Where(c => c.IsThread && c.ArchivedAt is not null), fake.Guild, hasMore: true);

        OpenApiSchemas.AssertValid(OpenApiSchemas.ResponseBody("/guilds/{guild_id}/channels", "get"), channels.ToJsonString(), "guild channels");
        OpenApiSchemas.AssertValid(OpenApiSchemas.ResponseBody("/guilds/{guild_id}/threads/active", "get"), active.ToJsonString(), "active threads");
        OpenApiSchemas.AssertValid(OpenApiSchemas.ResponseBody("/channels/{channel_id}/threads/archived/public", "get"), archived.ToJsonString(), "archived threads");
        // The check can fail: a text channel is not a thread.
        Assert.False(OpenApiSchemas.Named("ThreadResponse").Evaluate(channels[0]).IsValid);
    }

    [Fact]
    public void Fake_members_the_guild_its_roles_and_errors_match_discords_responses()
    {
        using var fake = new GuildFake();
        var server = new SampleGuild(fake);

        OpenApiSchemas.AssertValid(OpenApiSchemas.ResponseBody("/guilds/{guild_id}/members/{user_id}", "get"), Payloads.Member(server.Camille).ToJsonString(), "member");
        OpenApiSchemas.AssertValid(OpenApiSchemas.ResponseBody("/guilds/{guild_id}", "get"),
            Payloads.Guild(fake.Guild, fake.Name, [Payloads.Role(fake.Guild, "@everyone", 0), Payloads.Role(server.Helpers, "helpers", 1)]).ToJsonString(), "guild");
        OpenApiSchemas.AssertValid("ErrorResponse", Payloads.Error(50001, "Missing Access").ToJsonString());
    }
}
