using System.Globalization;
using CoalitionBot.Discord.Models;

namespace CoalitionBot.Ingestion;

/// The names a message needs, looked up before mapping.
internal sealed record MessageNames(
    string Author,
    IReadOnlyDictionary<ulong, string?> Nicknames,
    IReadOnlyDictionary<ulong, string> Roles,
    Func<ulong, string?> ChannelName)
{
    public string User(User user) => MessageMapper.DisplayName(user, Nicknames.GetValueOrDefault(user.Id), webhook: false);

    public string Role(ulong id) => Roles.TryGetValue(id, out var name) ? name : id.ToString(CultureInfo.InvariantCulture);

    public string Channel(ulong id) => ChannelName(id) ?? id.ToString(CultureInfo.InvariantCulture);
}
