using CoalitionBot.Admin;
using CoalitionBot.Operations;
using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoalitionBot.Health;

/// The public JSON body of /healthz: the overall status, each check's state with the times it
/// reports (last poll, last digest) and the one-word reasons some give (summarization), and each
/// feature on or off. No description, no error text:
/// those stay behind the admin token (GET /admin/api/status, the admin page).
internal static class HealthResponseWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        var services = context.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var started = services.GetRequiredService<ProcessStart>().At;
        var features = services.GetRequiredService<FeatureStates>().Compute();
        context.Response.ContentType = "application/json; charset=utf-8";
        var buffer = new ArrayBufferWriter<byte>(1024);
        await using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(writer, report, features, started, now);
        }

        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    private static void Write(Utf8JsonWriter writer, HealthReport report, IReadOnlyList<FeatureState> features, DateTimeOffset started, DateTimeOffset now)
    {
        writer.WriteStartObject();
        writer.WriteString("status", report.Status == HealthStatus.Unhealthy ? "unhealthy" : "healthy");
        writer.WriteString("version", Discord.DiscordExtensions.Version);
        writer.WriteString("started", started);
        writer.WriteNumber("uptimeSeconds", Math.Round((now - started).TotalSeconds));
        writer.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            writer.WriteStartObject(name);
            writer.WriteString("status", entry.Status.ToString().ToLowerInvariant());
            // Times only: a check's other data may carry an error's text.
            foreach (var (key, value) in entry.Data)
            {
                if (value is DateTimeOffset time)
                {
                    writer.WriteString(key, time);
                }
                else if (value is Enum word)
                {
                    // An enum is a closed list of words, never an error's text (summarization's "reason").
                    writer.WriteString(key, JsonNamingPolicy.CamelCase.ConvertName(word.ToString()));
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("features");
        foreach (var feature in features)
        {
            writer.WriteString(feature.Name, feature.Enabled ? "on" : "off");
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
