using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoalitionBot.Health;

/// The JSON body of /healthz: overall status, version, uptime, and each check with its details.
internal static class HealthResponseWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        var started = context.RequestServices.GetRequiredService<ProcessStart>().At;
        context.Response.ContentType = "application/json; charset=utf-8";
        var buffer = new ArrayBufferWriter<byte>(1024);
        await using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(writer, report, started, time.GetUtcNow());
        }

        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    private static void Write(Utf8JsonWriter writer, HealthReport report, DateTimeOffset started, DateTimeOffset now)
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
            writer.WriteString("description", entry.Description);
            foreach (var (key, value) in HealthText.Published(entry))
            {
                writer.WritePropertyName(key);
                JsonSerializer.Serialize(writer, value, value.GetType(), HealthJsonContext.Default);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}

/// When this process started, for the uptime shown by health and status.
internal sealed record ProcessStart(DateTimeOffset At);
