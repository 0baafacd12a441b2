using CoalitionBot.Discord.Models;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Discord;

/// The server's channel list, kept for a minute so repeated commands do not each ask Discord.
internal sealed class GuildChannelCache(DiscordClient client, IOptions<DiscordOptions> options, TimeProvider time, ILogger<GuildChannelCache> logger)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(60);

    private Snapshot? snapshot;

    public bool CanFetch => client.HasBotToken && options.Value.GuildSnowflake is not null;

    /// The list if it was fetched less than <see cref="Freshness"/> ago.
    public IReadOnlyList<Channel>? Fresh => snapshot is { } s && time.GetUtcNow() - s.FetchedAt < Freshness ? s.Channels : null;

    /// The fresh list, else a new one from Discord, else the last one known (or null).
    public async Task<IReadOnlyList<Channel>?> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh is { } fresh)
        {
            return fresh;
        }

        if (!CanFetch)
        {
            return snapshot?.Channels;
        }

        try
        {
            var channels = await client.GetGuildChannelsAsync(options.Value.GuildSnowflake!.Value, cancellationToken);
            snapshot = new Snapshot(channels, time.GetUtcNow());
            return channels;
        }
        catch (Exception exception) when (exception is DiscordApiException or HttpRequestException or System.Text.Json.JsonException or TaskCanceledException)
        {
            Log.ChannelListUnavailable(logger, exception.Message);
            return snapshot?.Channels;
        }
    }

    private sealed record Snapshot(IReadOnlyList<Channel> Channels, DateTimeOffset FetchedAt);
}
