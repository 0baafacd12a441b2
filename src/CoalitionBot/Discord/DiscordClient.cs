using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CoalitionBot.Discord.Models;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Discord;

/// Our thin client for the few Discord REST endpoints we use. Bot routes carry the bot token;
/// interaction webhook routes are authorised by the interaction token in their path.
/// Rate limits and retries live in the handlers beneath (see <see cref="RateLimits.RateLimitHandler"/>).
internal sealed partial class DiscordClient(HttpClient http, IOptions<DiscordOptions> options)
{
    public const int MaxMessagesPerPage = 100;

    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;

    public bool HasBotToken => options.Value.HasBotToken;

    public Task<IReadOnlyList<Channel>> GetGuildChannelsAsync(ulong guildId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"guilds/{Id(guildId)}/channels", null, Json.IReadOnlyListChannel, bot: true, cancellationToken);

    /// Every active thread of the server the bot can see, forum posts included.
    public Task<ThreadList> GetActiveThreadsAsync(ulong guildId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"guilds/{Id(guildId)}/threads/active", null, Json.ThreadList, bot: true, cancellationToken);

    /// Public archived threads of a channel, most recently archived first, archived before <paramref name="before"/>.
    public Task<ThreadList> GetPublicArchivedThreadsAsync(ulong channelId, DateTimeOffset? before, int limit, CancellationToken cancellationToken)
    {
        var query = new StringBuilder($"channels/{Id(channelId)}/threads/archived/public?limit={limit.ToString(CultureInfo.InvariantCulture)}");
        if (before is { } at)
        {
            query.Append("&before=").Append(Uri.EscapeDataString(at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture)));
        }

        return SendAsync(HttpMethod.Get, query.ToString(), null, Json.ThreadList, bot: true, cancellationToken);
    }

    /// One page of a channel's messages. Discord lists them newest first, whichever of after/before is given.
    public Task<IReadOnlyList<Message>> GetChannelMessagesAsync(ulong channelId, ulong? after, ulong? before, int limit, CancellationToken cancellationToken)
    {
        var query = new StringBuilder($"channels/{Id(channelId)}/messages?limit={limit.ToString(CultureInfo.InvariantCulture)}");
        if (after is { } a)
        {
            query.Append("&after=").Append(Id(a));
        }
        else if (before is { } b)
        {
            query.Append("&before=").Append(Id(b));
        }

        return SendAsync(HttpMethod.Get, query.ToString(), null, Json.IReadOnlyListMessage, bot: true, cancellationToken);
    }

    public Task<GuildMember> GetGuildMemberAsync(ulong guildId, ulong userId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"guilds/{Id(guildId)}/members/{Id(userId)}", null, Json.GuildMember, bot: true, cancellationToken);

    /// The server's name and roles in one request (Get Guild Roles would give the roles only).
    public Task<Guild> GetGuildAsync(ulong guildId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"guilds/{Id(guildId)}", null, Json.Guild, bot: true, cancellationToken);

    public Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGuildCommandsAsync(
        ulong applicationId, ulong guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Put,
            $"applications/{Id(applicationId)}/guilds/{Id(guildId)}/commands",
            JsonContent.Create(commands, Json.IReadOnlyListApplicationCommand),
            Json.IReadOnlyListApplicationCommand,
            bot: true,
            cancellationToken);

    public async Task EditOriginalResponseAsync(ulong applicationId, string token, WebhookMessageEdit edit, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"webhooks/{Id(applicationId)}/{Uri.EscapeDataString(token)}/messages/@original")
        {
            Content = edit.Files.Count == 0 ? JsonContent.Create(edit, Json.WebhookMessageEdit) : Multipart(edit),
        };
        using var response = await SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, "PATCH webhooks/{application}/{token}/messages/@original", cancellationToken);
    }

    /// An edit with files, as Discord documents it: the JSON body in a part named payload_json, each
    /// file in a part named files[n], n being the id of its entry in the body's attachments.
    private static MultipartFormDataContent Multipart(WebhookMessageEdit edit)
    {
        var content = new MultipartFormDataContent();
        var payload = new StringContent(JsonSerializer.Serialize(edit, Json.WebhookMessageEdit), System.Text.Encoding.UTF8, "application/json");
        content.Add(payload, "payload_json");
        for (var i = 0; i < edit.Files.Count; i++)
        {
            var file = edit.Files[i];
            var part = new ReadOnlyMemoryContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            content.Add(part, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"files[{i}]"), file.FileName);
        }

        return content;
    }

    /// A follow-up message to an interaction (the token, not the bot token, authorises it).
    public Task<Message> CreateFollowupMessageAsync(ulong applicationId, string token, WebhookMessageCreate message, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Post,
            $"webhooks/{Id(applicationId)}/{Uri.EscapeDataString(token)}",
            JsonContent.Create(message, Json.WebhookMessageCreate),
            Json.Message,
            bot: false,
            cancellationToken,
            label: "POST webhooks/{application}/{token}");

    private async Task<T> SendAsync<T>(
        HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> type, bool bot, CancellationToken cancellationToken, string? label = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (bot)
        {
            if (!options.Value.HasBotToken)
            {
                throw new InvalidOperationException("Discord:BotToken is not set.");
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.BotToken!.Trim());
        }

        var route = label ?? $"{method} {path}";
        using var response = await SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, route, cancellationToken);
        return await response.Content.ReadFromJsonAsync(type, cancellationToken)
            ?? throw new JsonException($"Discord answered null on {route}");
    }

    /// Callers handle Discord being unreachable as <see cref="HttpRequestException"/>: the resilience
    /// pipeline's own "gave up" exceptions (attempt timeout, open circuit) are turned into one.
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Polly.ExecutionRejectedException exception)
        {
            throw new HttpRequestException("Discord did not answer: " + exception.Message, exception);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string route, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        DiscordError? error = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            try
            {
                error = await response.Content.ReadFromJsonAsync(Json.DiscordError, cancellationToken);
            }
            catch (JsonException)
            {
                // A proxy's error page or a truncated body: the status alone says enough.
            }
        }

        throw new DiscordApiException(response.StatusCode, error?.Code, error?.Message, route);
    }

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
