using System.Net;

namespace CoalitionBot.Discord;

/// A non-success answer from Discord, with its JSON error code when it sent one.
internal sealed class DiscordApiException(HttpStatusCode status, int? code, string? discordMessage, string route)
    : Exception($"Discord answered {(int)status} ({code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no code"}: {discordMessage ?? "no message"}) on {route}")
{
    public const int UnknownChannel = 10003;
    public const int UnknownWebhook = 10015;
    public const int UnknownMessage = 10008;

    public HttpStatusCode Status { get; } = status;

    public int? Code { get; } = code;

    public string Route { get; } = route;
}
