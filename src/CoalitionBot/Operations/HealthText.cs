using System.Text.Json.Serialization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoalitionBot.Operations;

/// A health check's result with its description as a <see cref="HealthMessage"/>: the result's
/// description is the English text (logs, the admin API's status), and the message rides in the
/// result's data under <see cref="MessageKey"/> so the admin page can say it in its own language.
/// The public /healthz prints neither: only states and times.
internal static class HealthText
{
    public const string MessageKey = "description";

    public static HealthCheckResult Healthy(HealthMessage message, IReadOnlyDictionary<string, object>? data = null) =>
        HealthCheckResult.Healthy(message(HealthTexts.English), With(data, message));

    public static HealthCheckResult Degraded(HealthMessage message, IReadOnlyDictionary<string, object>? data = null) =>
        HealthCheckResult.Degraded(message(HealthTexts.English), data: With(data, message));

    public static HealthCheckResult Unhealthy(HealthMessage message, IReadOnlyDictionary<string, object>? data = null) =>
        HealthCheckResult.Unhealthy(message(HealthTexts.English), data: With(data, message));

    /// Each check's state and message; a check that gave no message (one that threw) keeps its description.
    public static IReadOnlyList<CheckState> States(HealthReport report) =>
    [
        .. report.Entries.Select(e => new CheckState(
            e.Key,
            e.Value.Status,
            e.Value.Data.TryGetValue(MessageKey, out var value) && value is HealthMessage message ? message : _ => e.Value.Description ?? "")),
    ];

    /// Each check's state and description, in the language of <paramref name="texts"/>.
    public static IReadOnlyDictionary<string, string> Lines(IReadOnlyList<CheckState> states, HealthTexts texts) =>
        states.ToDictionary(s => s.Name, s => texts.StatusLine(s.Status, s.Message(texts)));

    private static Dictionary<string, object> With(IReadOnlyDictionary<string, object>? data, HealthMessage message)
    {
        var all = data is null ? [] : new Dictionary<string, object>(data);
        all[MessageKey] = message;
        return all;
    }
}

/// One health check's state and what it says, in any language.
internal sealed record CheckState(string Name, HealthStatus Status, [property: JsonIgnore] HealthMessage Message);
