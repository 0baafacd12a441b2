using System.Text.Json.Nodes;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CoalitionBot.Tests.Support;

/// WireMock.Net playing Discord's REST API on loopback. No catch-all: anything not stubbed is
/// answered 404 by WireMock and reported by <see cref="AssertNoUnexpectedRequests"/>.
public sealed class DiscordFake : IDisposable
{
    public const string ApiPrefix = "/api/v10";

    public WireMockServer Server { get; } = WireMockServer.Start();

    public string ApiBaseUrl => Server.Url + ApiPrefix;

    public IEnumerable<ILogEntry> Requests => Server.LogEntries;

    /// GET /guilds/{id}/channels answers these channels (validated against Discord's schema).
    public void StubGuildChannels(JsonArray channels, string guildId = Payloads.GuildId)
    {
        var body = channels.ToJsonString();
        OpenApiSchemas.AssertValid(OpenApiSchemas.ResponseBody("/guilds/{guild_id}/channels", "get"), body, "guild channels fixture");
        Server.Given(Request.Create().WithPath($"{ApiPrefix}/guilds/{guildId}/channels").UsingGet())
            .RespondWith(Json(body));
    }

    /// PATCH /webhooks/{app}/{token}/messages/@original: Discord answers with the edited message.
    public void StubEditOriginal(string applicationId = Payloads.ApplicationId)
    {
        Server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher($"{ApiPrefix}/webhooks/{applicationId}/*/messages/@original")).UsingPatch())
            .RespondWith(Json(EditedMessage()));
    }

    /// POST /webhooks/{app}/{token}: a follow-up message; Discord answers with the message created.
    public void StubFollowUp(string applicationId = Payloads.ApplicationId)
    {
        Server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher($"{ApiPrefix}/webhooks/{applicationId}/*")).UsingPost())
            .RespondWith(Json(EditedMessage()));
    }

    public void StubBulkOverwrite(string applicationId = Payloads.ApplicationId, string guildId = Payloads.GuildId, int status = 200, string? body = null)
    {
        Server.Given(Request.Create().WithPath($"{ApiPrefix}/applications/{applicationId}/guilds/{guildId}/commands").UsingPut())
            .RespondWith(status == 200
                ? Response.Create().WithCallback(request => new WireMock.ResponseMessage
                {
                    StatusCode = 200,
                    Headers = new Dictionary<string, WireMock.Types.WireMockList<string>> { ["Content-Type"] = new("application/json") },
                    BodyData = new WireMock.Util.BodyData
                    {
                        BodyAsString = RegisteredCommands(request.Body ?? "[]", applicationId, guildId),
                        DetectedBodyType = WireMock.Types.BodyType.String,
                    },
                })
                : Json(body ?? """{"message": "401: Unauthorized", "code": 0}""", status));
    }

    /// Waits for Discord to receive a request matching the predicate (deferred work runs after the response).
    public async Task<ILogEntry> WaitForRequestAsync(Func<ILogEntry, bool> predicate, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        while (true)
        {
            if (Server.LogEntries.FirstOrDefault(predicate) is { } entry)
            {
                return entry;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    public void AssertNoUnexpectedRequests()
    {
        var unexpected = Server.LogEntries.Where(e => e.MappingGuid is null || e.MappingGuid == Guid.Empty).ToList();
        Assert.True(unexpected.Count == 0, "Discord received requests nobody expected: " +
            string.Join(", ", unexpected.Select(e => $"{e.RequestMessage.Method} {e.RequestMessage.Path}")));
    }

    public void Dispose() => Server.Stop();

    public static JsonObject GuildChannel(string id, string name, int type, int position, string? parentId = null) => new()
    {
        ["id"] = id,
        ["type"] = type,
        ["last_message_id"] = null,
        ["flags"] = 0,
        ["guild_id"] = Payloads.GuildId,
        ["name"] = name,
        ["parent_id"] = parentId,
        ["rate_limit_per_user"] = 0,
        ["topic"] = null,
        ["position"] = position,
        ["permission_overwrites"] = new JsonArray(),
        ["nsfw"] = false,
    };

    private static IResponseBuilder Json(string body, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    internal static string EditedMessage() => new JsonObject
    {
        ["id"] = "1417203399200000000",
        ["type"] = 20,
        ["content"] = "",
        ["channel_id"] = Payloads.InvokingChannelId,
        ["author"] = new JsonObject { ["id"] = Payloads.ApplicationId, ["username"] = "CoalitionBot", ["discriminator"] = "0", ["avatar"] = null, ["public_flags"] = 0, ["bot"] = true, ["global_name"] = null },
        ["attachments"] = new JsonArray(),
        ["embeds"] = new JsonArray(),
        ["mentions"] = new JsonArray(),
        ["mention_roles"] = new JsonArray(),
        ["pinned"] = false,
        ["mention_everyone"] = false,
        ["tts"] = false,
        ["timestamp"] = "2026-11-24T08:00:00.000000+00:00",
        ["edited_timestamp"] = "2026-11-24T08:00:01.000000+00:00",
        ["flags"] = 64,
        ["components"] = new JsonArray(),
        ["webhook_id"] = Payloads.ApplicationId,
    }.ToJsonString();

    /// Discord's answer to a bulk overwrite: the commands with ids and versions.
    private static string RegisteredCommands(string requestBody, string applicationId, string guildId)
    {
        var commands = JsonNode.Parse(requestBody)!.AsArray();
        var index = 0;
        foreach (var command in commands.Select(c => c!.AsObject()))
        {
            command["id"] = $"14165000000000001{index++:00}";
            command["application_id"] = applicationId;
            command["guild_id"] = guildId;
            command["version"] = "1416500000000000999";
            command["default_member_permissions"] ??= null;
            command["type"] ??= 1;
        }

        return commands.ToJsonString();
    }
}
