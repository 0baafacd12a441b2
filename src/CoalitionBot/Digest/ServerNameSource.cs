using CoalitionBot.Storage;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Digest;

/// The server's name in digests, reports and summaries: Digest:ServerName when it is set, otherwise
/// the name the server has on Discord (read by the poll with the roles), "Discord" before any poll.
internal sealed class ServerNameSource(IOptions<DigestOptions> options, CursorStore pollState)
{
    public const string BeforeFirstPoll = "Discord";

    public string Current => options.Value.ServerName is { Length: > 0 } configured ? configured : pollState.ServerName ?? BeforeFirstPoll;
}
