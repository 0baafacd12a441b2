using System.Globalization;
using System.Text.Json.Nodes;
using CoalitionBot.Discord;
using CoalitionBot.Discord.Models;
using CoalitionBot.Operations;
using CoalitionBot.Storage;

namespace CoalitionBot.Ingestion;

/// The "polling" part of GET /admin/api/status: the last poll, and how far each channel has been read.
internal sealed class PollingStatusSection(PollStatus status, ChannelStore channels, CursorStore cursors) : IStatusSection
{
    public string Name => "polling";

    public JsonNode? Describe()
    {
        var snapshot = status.Current;
        var read = cursors.All();
        var list = new JsonArray();
        foreach (var channel in channels.All()
            .Where(c => ChannelDiscovery.CarriesMessages(c.Type) && (!ChannelTypes.IsThread(c.Type) || !c.Archived))
            .OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase))
        {
            // JsonArray.Add<T> may wrap its argument by reflection; the JsonNode overload never does.
            JsonNode item = new JsonObject
            {
                ["id"] = channel.Id.ToString(CultureInfo.InvariantCulture),
                ["name"] = channel.Name,
                ["thread"] = ChannelTypes.IsThread(channel.Type),
                ["readUpTo"] = read.TryGetValue(channel.Id, out var cursor) ? Snowflake.ToTime(cursor) : null,
                ["unreadable"] = channel.Unreadable,
            };
            list.Add(item);
        }

        return new JsonObject
        {
            ["lastPoll"] = snapshot.LastSuccess?.FinishedAt,
            ["messagesStored"] = snapshot.LastSuccess?.MessagesStored,
            ["requests"] = snapshot.LastSuccess?.Requests,
            ["lastFailure"] = snapshot.LastFailure,
            ["tokenRejected"] = snapshot.TokenRejected,
            ["nextProbe"] = snapshot.NextProbeAt,
            ["channels"] = list,
        };
    }
}
