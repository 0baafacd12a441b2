using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace CoalitionBot.Tests.Support;

/// The one fake of Discord: a WireMock server playing Discord for one server (guild). Channels,
/// threads, messages, members and roles are held in memory and served as Discord serves them, and
/// the interaction routes (command registration, deferred answers' edits and follow-ups) are stubbed
/// on demand. There is no catch-all mapping: a request nobody expected is logged unmatched, and
/// <see cref="UnmatchedRequests"/> and <see cref="AssertNoUnexpectedRequests"/> show it.
public sealed class GuildFake : IDisposable
{
    public const string Token = "test-bot-token";
    public const string ApiPath = "/api/v10";

    private readonly SnowflakeSource snowflakes = new();
    private readonly List<FakeUser> users = [];
    private readonly Dictionary<ulong, (string Name, ulong Permissions)> roles = [];
    private readonly HashSet<ulong> mapped = [];
    private int position;
    private int answered;
    private bool guildMapped;

    /// <param name="guild">The server's id; a snowflake from March 2024 when not given.</param>
    public GuildFake(ulong? guild = null)
    {
        Server = WireMockServer.Start();
        Guild = guild ?? Snowflake(DateTimeOffset.Parse("2024-03-01T12:00:00Z", CultureInfo.InvariantCulture));
        Now = TimeProvider.System.GetUtcNow();
    }

    public WireMockServer Server { get; }

    public ulong Guild { get; }

    /// The time the fake server was created; messages are placed relative to it.
    public DateTimeOffset Now { get; }

    public string BaseUrl => Server.Url + ApiPath;

    public List<FakeChannel> Channels { get; } = [];

    public IEnumerable<FakeMessage> AllMessages => Channels.SelectMany(c => c.Messages.Values);

    /// What WireMock recorded, by arrival time. WireMock records a request after answering it, so
    /// this first waits (briefly) until every request our mappings have answered is recorded.
    public IReadOnlyList<ILogEntry> Requests
    {
        get
        {
            SpinWait.SpinUntil(() => Server.LogEntries.Count >= Volatile.Read(ref answered), TimeSpan.FromSeconds(2));
            return [.. Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime)];
        }
    }

    public IReadOnlyList<string> UnmatchedRequests =>
        [.. Server.LogEntries.Where(e => e.MappingGuid is null || e.MappingGuid == Guid.Empty).Select(e => $"{e.RequestMessage.Method} {e.RequestMessage.Url}")];

    /// The requests whose path (below /api/v10) starts with the given text.
    public IReadOnlyList<ILogEntry> RequestsTo(string path) =>
        [.. Requests.Where(e => e.RequestMessage.Path.StartsWith(ApiPath + path, StringComparison.Ordinal))];

    /// The Get Guild requests (the server's name and roles).
    public IReadOnlyList<ILogEntry> GuildRequests => [.. Requests.Where(e => e.RequestMessage.Path == ApiPath + "/guilds/" + Id(Guild))];

    public ulong Snowflake(DateTimeOffset time) => snowflakes.At(time);

    public FakeUser AddUser(string username, string? globalName = null, string? nick = null, bool bot = false)
    {
        var user = new FakeUser(Snowflake(DateTimeOffset.Parse("2024-05-01T00:00:00Z", CultureInfo.InvariantCulture)), username, globalName, nick, bot);
        users.Add(user);
        return user;
    }

    /// A role with these server-wide permissions (Discord's default set when not given).
    public ulong AddRole(string name, ulong permissions = 1071698660929)
    {
        var id = Snowflake(DateTimeOffset.Parse("2024-06-01T00:00:00Z", CultureInfo.InvariantCulture));
        roles[id] = (name, permissions);
        return id;
    }

    public FakeChannel AddChannel(string name, int type = 0, FakeChannel? category = null)
    {
        var channel = new FakeChannel(Snowflake(DateTimeOffset.Parse("2024-04-01T00:00:00Z", CultureInfo.InvariantCulture)), type, name, category?.Id, position++);
        Channels.Add(channel);
        return channel;
    }

    public FakeChannel AddThread(FakeChannel parent, string name, FakeUser owner, DateTimeOffset createdAt, int type = 11)
    {
        var thread = new FakeChannel(Snowflake(createdAt), type, name, parent.Id, 0) { OwnerId = owner.Id, CreatedAt = createdAt };
        Channels.Add(thread);
        if (parent.Type is 15 or 16)
        {
            parent.LastMessageIdOverride = thread.Id;
        }

        return thread;
    }

    /// Adds <paramref name="count"/> plain messages, one second apart from <paramref name="from"/>, by the given authors in turn.
    public IReadOnlyList<FakeMessage> AddMessages(FakeChannel channel, int count, DateTimeOffset from, params FakeUser[] authors)
    {
        List<FakeMessage> added = [];
        for (var i = 0; i < count; i++)
        {
            var at = from.AddSeconds(i);
            added.Add(Add(new FakeMessage(Snowflake(at), channel.Id, authors[i % authors.Length], $"message {i} in {channel.Name}", at)));
        }

        return added;
    }

    public FakeMessage Add(FakeMessage message)
    {
        Channels.Single(c => c.Id == message.ChannelId).Messages[message.Id] = message;
        return message;
    }

    /// Registers every route a poll may use. Call after building the server; state changes made
    /// afterwards are served too (the answers are computed per request).
    public GuildFake Map()
    {
        if (guildMapped)
        {
            return MapChannels();
        }

        guildMapped = true;
        Bot("/guilds/" + Id(Guild) + "/channels", _ => Ok(new JsonArray([.. Channels.Where(c => !c.IsThread && !c.Deleted).Select(c => (JsonNode)Payloads.Channel(c, Guild))])));
        Bot("/guilds/" + Id(Guild) + "/threads/active", _ => Ok(Payloads.Threads(Channels.Where(c => c.IsThread && c.ArchivedAt is null && !c.Deleted).OrderByDescending(c => c.Id), Guild)));
        // Discord always lists @everyone, whose id is the server's.
        Bot("/guilds/" + Id(Guild), _ => Ok(Payloads.Guild(Guild, Name, [
            Payloads.Role(Guild, "@everyone", 0, EveryonePermissions),
            .. roles.Select((r, i) => (JsonNode)Payloads.Role(r.Key, r.Value.Name, i + 1, r.Value.Permissions))], OwnerId)));
        foreach (var user in users)
        {
            Bot($"/guilds/{Id(Guild)}/members/{Id(user.Id)}", _ => Departed.Contains(user.Id)
                ? Json(404, Payloads.Error(10007, "Unknown Member"))
                : Ok(Payloads.Member(user, MemberRoles.GetValueOrDefault(user.Id))));
        }

        return MapChannels();
    }

    /// Maps the channels added since the last call (a test adds threads between polls).
    private GuildFake MapChannels()
    {
        foreach (var channel in Channels.Where(c => !c.NeverRequested && mapped.Add(c.Id)))
        {
            // Text, voice (2) and stage (13) chats, announcements and threads have messages.
            if (channel.Type is 0 or 2 or 5 or 10 or 11 or 12 or 13)
            {
                Bot($"/channels/{Id(channel.Id)}/messages", request => channel switch
                {
                    { Deleted: true } => Json(404, Payloads.Error(10003, "Unknown Channel")),
                    { Forbidden: true } => Json(403, Payloads.Error(50001, "Missing Access")),
                    { MessagesAnswer: { } answer } => answer(request),
                    _ => Ok(MessagesPage(channel, request)),
                });
            }

            if (channel.Type is 0 or 5 or 15 or 16)
            {
                Bot($"/channels/{Id(channel.Id)}/threads/archived/public", request => channel.Forbidden
                    ? Json(403, Payloads.Error(50001, "Missing Access"))
                    : Ok(ArchivedPage(channel, request)));
            }
        }

        return this;
    }

    /// A bot-token GET route answered by <paramref name="answer"/>; requests without our token match
    /// nothing. During an <see cref="Outage"/> every such route answers the outage's status instead.
    public void Bot(string path, Func<IRequestMessage, ResponseMessage> answer) =>
        Answer(Request.Create().WithPath(ApiPath + path).UsingGet().WithHeader("Authorization", "Bot " + Token), request => Outage switch
        {
            401 => Json(401, Payloads.Error(0, "401: Unauthorized")),
            { } status => Json(status, Payloads.Error(0, "upstream connect error or disconnect/reset before headers")),
            null => answer(request),
        });

    /// Set: Discord is down (503, say) or rejects the bot token (401) on every bot route.
    public int? Outage { get; set; }

    /// Any route, answered by <paramref name="answer"/> and counted, so <see cref="Requests"/> waits for it.
    public void Answer(IRequestBuilder request, Func<IRequestMessage, ResponseMessage> answer) =>
        Server.Given(request)
            .RespondWith(Response.Create().WithCallback(message =>
            {
                Interlocked.Increment(ref answered);
                BeforeAnswer?.Invoke(message);
                return answer(message);
            }));

    /// Called as each bot request arrives, before it is answered (to interrupt a poll midway, say).
    public Action<IRequestMessage>? BeforeAnswer { get; set; }

    /// The server's owner, as Get Guild gives it (owner_id).
    public ulong OwnerId { get; set; } = 1;

    /// The role ids each member holds (Get Guild Member's roles), by user id.
    public Dictionary<ulong, List<ulong>> MemberRoles { get; } = [];

    /// Members who left the server: Get Guild Member answers 404 Unknown Member (10007).
    public HashSet<ulong> Departed { get; } = [];

    /// The server's name, as Get Guild gives it.
    public string Name { get; set; } = "Coalition féministe (test)";

    /// The @everyone role's permissions (Discord's default set includes View Channel, 1024).
    public ulong EveryonePermissions { get; set; } = 1071698660929;

    public static ResponseMessage Ok(JsonNode body) => Json(200, body);

    public static ResponseMessage Json(int status, JsonNode body, params (string Name, string Value)[] headers)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", "application/json");
        if (headers.Length == 0)
        {
            // A generous bucket, as Discord describes a route that is far from its limit.
            headers = [("X-RateLimit-Limit", "50"), ("X-RateLimit-Remaining", "49"), ("X-RateLimit-Reset-After", "1.000"), ("X-RateLimit-Bucket", "fake-bucket")];
        }

        foreach (var (name, value) in headers)
        {
            response.AddHeader(name, value);
        }

        return response;
    }

    /// GET /guilds/{id}/channels answers these channels (validated against Discord's schema).
    public void StubGuildChannels(JsonArray channels, string guildId = Payloads.GuildId)
    {
        var body = channels.ToJsonString();
        OpenApiSchemas.AssertValid(OpenApiSchemas.ResponseBody("/guilds/{guild_id}/channels", "get"), body, "guild channels fixture");
        Answer(Request.Create().WithPath($"{ApiPath}/guilds/{guildId}/channels").UsingGet(), _ => Ok(JsonNode.Parse(body)!));
    }

    /// PATCH /webhooks/{app}/{token}/messages/@original: Discord answers with the edited message.
    public void StubEditOriginal(string applicationId = Payloads.ApplicationId) =>
        Answer(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher($"{ApiPath}/webhooks/{applicationId}/*/messages/@original")).UsingPatch(),
            _ => Ok(Payloads.EditedMessage()));

    /// POST /webhooks/{app}/{token}: a follow-up message; Discord answers with the message created.
    public void StubFollowUp(string applicationId = Payloads.ApplicationId) =>
        Answer(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher($"{ApiPath}/webhooks/{applicationId}/*")).UsingPost(),
            _ => Ok(Payloads.EditedMessage()));

    /// PUT /applications/{app}/guilds/{guild}/commands: Discord answers with the commands registered,
    /// or with the given status and error body.
    public void StubBulkOverwrite(string applicationId = Payloads.ApplicationId, string guildId = Payloads.GuildId, int status = 200, string? body = null) =>
        Answer(Request.Create().WithPath($"{ApiPath}/applications/{applicationId}/guilds/{guildId}/commands").UsingPut(), request => status == 200
            ? Ok(Payloads.RegisteredCommands(request.Body ?? "[]", applicationId, guildId))
            : Json(status, JsonNode.Parse(body ?? """{"message": "401: Unauthorized", "code": 0}""")!));

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

    public void AssertNoUnexpectedRequests() =>
        Assert.True(UnmatchedRequests.Count == 0, "Discord received requests nobody expected: " + string.Join(", ", UnmatchedRequests));

    public void Dispose() => Server.Stop();

    private static string Id(ulong id) => Payloads.Id(id);

    private static ulong? Query(IRequestMessage request, string name) =>
        request.Query is { } query && query.TryGetValue(name, out var values) && ulong.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// GET /channels/{id}/messages: after= gives the messages right after it, before= those right
    /// before it, neither the newest; always listed newest first.
    private static JsonArray MessagesPage(FakeChannel channel, IRequestMessage request)
    {
        var limit = (int)(Query(request, "limit") ?? 50);
        IEnumerable<FakeMessage> page = Query(request, "after") is { } after
            ? channel.Messages.Values.Where(m => m.Id > after).OrderBy(m => m.Id).Take(limit)
            : Query(request, "before") is { } before
                ? channel.Messages.Values.Where(m => m.Id < before).OrderByDescending(m => m.Id).Take(limit)
                : channel.Messages.Values.OrderByDescending(m => m.Id).Take(limit);
        return new JsonArray([.. page.OrderByDescending(m => m.Id).Select(m => (JsonNode)Payloads.Message(m))]);
    }

    private JsonObject ArchivedPage(FakeChannel parent, IRequestMessage request)
    {
        var limit = (int)(Query(request, "limit") ?? 50);
        var archived = Channels.Where(c => c.IsThread && c.ParentId == parent.Id && c.ArchivedAt is not null).OrderByDescending(c => c.ArchivedAt).AsEnumerable();
        if (request.Query is { } query && query.TryGetValue("before", out var values)
            && DateTimeOffset.TryParse(values.FirstOrDefault(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var before))
        {
            archived = archived.Where(t => t.ArchivedAt < before);
        }

        var list = archived.ToList();
        return Payloads.Threads(list.Take(limit), Guild, hasMore: list.Count > limit);
    }
}
