using System.Text.Json.Nodes;
using CoalitionBot.Operations;

namespace CoalitionBot.Digest;

/// The "digest" part of GET /admin/api/status: when the next one goes, and the last ones with their state.
internal sealed class DigestStatusSection(DigestService digests, DigestLedger ledger) : IStatusSection
{
    public string Name => "digest";

    public JsonNode? Describe()
    {
        var recent = new JsonArray();
        foreach (var record in ledger.Latest(7))
        {
            // JsonArray.Add<T> may wrap its argument by reflection; the JsonNode overload never does.
            JsonNode item = new JsonObject
            {
                ["id"] = record.Id,
                ["state"] = record.State.ToString().ToLowerInvariant(),
                ["messages"] = record.Messages,
                ["attempts"] = record.Attempts,
                ["sentAt"] = record.SentAt,
                ["nextAttemptAt"] = record.NextAttemptAt,
                ["lastError"] = record.LastError,
                ["waitingFor"] = record.WaitingFor,
            };
            recent.Add(item);
        }

        return new JsonObject
        {
            ["nextDigest"] = digests.DueAt(digests.LastCompleteDay().AddDays(1)),
            ["recent"] = recent,
        };
    }
}
