using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoalitionBot.Operations;

/// A health check's description in English (the admin API's status, read by operators) and in
/// French (the admin page, read by moderators). The French text rides in the result's data under
/// <see cref="FrenchKey"/>. The public /healthz prints neither: only states and times.
internal static class HealthText
{
    public const string FrenchKey = "description.fr";

    public static HealthCheckResult Healthy(string english, string french, IReadOnlyDictionary<string, object>? data = null) =>
        HealthCheckResult.Healthy(english, With(data, french));

    public static HealthCheckResult Degraded(string english, string french, IReadOnlyDictionary<string, object>? data = null) =>
        HealthCheckResult.Degraded(english, data: With(data, french));

    public static HealthCheckResult Unhealthy(string english, string french, IReadOnlyDictionary<string, object>? data = null) =>
        HealthCheckResult.Unhealthy(english, data: With(data, french));

    /// The entry's French description; the English one where a check gave none.
    public static string French(HealthReportEntry entry) =>
        entry.Data.TryGetValue(FrenchKey, out var french) && french is string text ? text : entry.Description ?? "";

    private static Dictionary<string, object> With(IReadOnlyDictionary<string, object>? data, string french)
    {
        var all = data is null ? [] : new Dictionary<string, object>(data);
        all[FrenchKey] = french;
        return all;
    }
}
