using System.Text.Json.Nodes;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Discord;

/// The WireMock Discord must answer as Discord does: its payloads are checked against Discord's OpenAPI description.
public sealed class DiscordPayloadTests
{
    [Fact]
    public void Fake_messages_match_Discords_message_schema()
    {
        using var fake = new DiscordFake();
        var server = new SampleServer(fake);

        var page = new JsonArray([.. fake.AllMessages.Select(m => (JsonNode)DiscordPayloads.Message(m))]);

        Assert.Empty(DiscordOpenApi.Validate(page, "MessageResponse", arrayOf: true));
        Assert.Contains(page, m => m!["reactions"] is not null && m["message_reference"] is not null);
        Assert.Contains(page, m => m!["webhook_id"] is not null);
    }

    [Fact]
    public void Fake_channels_and_threads_match_Discords_schemas()
    {
        using var fake = new DiscordFake();
        var server = new SampleServer(fake);
        server.Thread.ArchivedAt = fake.Now;

        foreach (var channel in fake.Channels.Where(c => !c.IsThread))
        {
            var json = DiscordPayloads.Channel(channel, fake.Guild);
            Assert.Empty(DiscordOpenApi.Validate(json, "GuildChannelResponse"));
            Assert.NotEmpty(DiscordOpenApi.Validate(json, "ThreadResponse"));
        }

        var threads = DiscordPayloads.Threads(fake.Channels.Where(c => c.IsThread), fake.Guild, hasMore: true);
        Assert.Empty(DiscordOpenApi.Validate(threads, "ThreadsResponse"));
    }

    [Fact]
    public void Fake_members_and_roles_match_Discords_schemas()
    {
        using var fake = new DiscordFake();
        var server = new SampleServer(fake);

        Assert.Empty(DiscordOpenApi.Validate(DiscordPayloads.Member(server.Camille), "GuildMemberResponse"));
        Assert.Empty(DiscordOpenApi.Validate(new JsonArray(DiscordPayloads.Role(server.Helpers, "helpers", 1)), "GuildRoleResponse", arrayOf: true));
        Assert.Empty(DiscordOpenApi.Validate(DiscordPayloads.Error(50001, "Missing Access"), "ErrorResponse"));
    }
}
