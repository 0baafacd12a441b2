using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Configuration;

/// The console log format, chosen by Logging:Console:FormatterName (Logging__Console__FormatterName
/// in the environment): simple (the default, one readable line per entry), json (one JSON object per
/// line, for a log collector) or systemd (journald's priority prefix, for the systemd unit). The slim
/// host fixes the simple formatter in code, which the setting alone cannot override: the choice is
/// applied here. Any other value stops the start with one line naming the key.
internal static class ConsoleLogFormat
{
    public const string Key = "Logging:Console:FormatterName";

    public static void AddConsoleLogFormat(this IHostApplicationBuilder builder)
    {
        var name = builder.Configuration[Key];
        if (string.IsNullOrEmpty(name) || name.Equals(ConsoleFormatterNames.Simple, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (name.Equals(ConsoleFormatterNames.Json, StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(options =>
            {
                // ISO 8601 in UTC; appsettings.json's readable format (with its trailing space) is the simple one's.
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }
        else if (name.Equals(ConsoleFormatterNames.Systemd, StringComparison.OrdinalIgnoreCase))
        {
            // journald stamps each line itself.
            builder.Logging.AddSystemdConsole(options => options.TimestampFormat = null);
        }
        else
        {
            builder.Services.AddSingleton<OptionsRegistration.IOptionsProbe>(new UnknownFormat(name));
        }
    }

    private sealed class UnknownFormat(string name) : OptionsRegistration.IOptionsProbe
    {
        public void Resolve(IServiceProvider services) => throw new OptionsValidationException(
            Key, typeof(ConsoleLoggerOptions), [$"{Key} is \"{name}\": it must be simple, json or systemd."]);
    }
}
