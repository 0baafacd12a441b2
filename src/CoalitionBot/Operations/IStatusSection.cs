using System.Text.Json.Nodes;

namespace CoalitionBot.Operations;

/// A part of the admin status a feature contributes (ingestion: last poll per channel; digest:
/// next digest and the last ones with their state).
internal interface IStatusSection
{
    string Name { get; }

    JsonNode? Describe();
}
