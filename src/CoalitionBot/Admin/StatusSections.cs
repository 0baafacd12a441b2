using System.Text.Json.Nodes;
using CoalitionBot.Operations;
using CoalitionBot.Security;

namespace CoalitionBot.Admin;

/// The parts of the status the features contribute. The status is where an operator looks when
/// something is broken: a part that cannot be read says why, and the rest of the answer still comes.
internal sealed class StatusSections(IEnumerable<IStatusSection> sections, ILogger<StatusSections> logger)
{
    public IReadOnlyDictionary<string, JsonNode?> Describe() => sections.ToDictionary(s => s.Name, Describe);

    private JsonNode? Describe(IStatusSection section)
    {
        try
        {
            return section.Describe();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var reason = UnhandledExceptions.OneLine(exception.Message);
            Log.StatusPartFailed(logger, section.Name, exception.GetType().Name, reason);
            return new JsonObject { ["error"] = reason };
        }
    }
}
