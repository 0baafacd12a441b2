using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CoalitionBot.Discord.Models;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Discord;

/// Our thin client for the few Discord REST endpoints we use. Bot routes carry the bot token;
/// interaction webhook routes are authorised by the interaction token in their path.
internal sealed class DiscordClient(HttpClient http, IOptions<DiscordOptions> options)
{
    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;

    public bool HasBotToken => options.Value.HasBotToken;

    public Task<IReadOnlyList<Channel>> GetGuildChannelsAsync(ulong guildId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"guilds/{Id(guildId)}/channels", null, Json.IReadOnlyListChannel, bot: true, cancellationToken);

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
            Content = JsonContent.Create(edit, Json.WebhookMessageEdit),
        };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, "PATCH webhooks/{application}/{token}/messages/@original", cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> type, bool bot, CancellationToken cancellationToken)
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

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, $"{method} {path}", cancellationToken);
        return await response.Content.ReadFromJsonAsync(type, cancellationToken)
            ?? throw new JsonException($"Discord answered null on {method} {path}");
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
