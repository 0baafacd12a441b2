using System.Collections.Concurrent;

namespace CoalitionBot.Admin;

/// The last few hundred log lines, kept in memory for the admin page, with secrets blanked out.
internal sealed class LogBuffer(TimeProvider time, IConfiguration configuration) : ILoggerProvider
{
    public const int Capacity = 500;
    public const string Redacted = "[redacted]";

    /// Raw configuration, not validated options: redaction must work even while the log line
    /// being written is the one reporting that a setting is invalid.
    private static readonly string[] SecretKeys = ["Discord:BotToken", "Discord:ClientSecret", "Smtp:Password", "Admin:Token", "Monitoring:PushUrl"];

    private readonly ConcurrentQueue<LogEntry> entries = new();
    private string[]? secrets;

    public IReadOnlyList<LogEntry> Recent(int count) => entries.Reverse().Take(count).ToList();

    public ILogger CreateLogger(string categoryName) => new BufferLogger(this, categoryName);

    public void Dispose()
    {
    }

    public string Redact(string text)
    {
        secrets ??= SecretKeys
            .Select(key => configuration[key])
            .Where(s => !string.IsNullOrWhiteSpace(s) && s.Trim().Length >= 4)
            .Select(s => s!.Trim())
            .ToArray();
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        return text;
    }

    private void Add(LogLevel level, string category, string message, Exception? exception)
    {
        var text = exception is null ? message : $"{message} ({exception.GetType().Name}: {exception.Message})";
        entries.Enqueue(new LogEntry(time.GetUtcNow(), level.ToString(), ShortCategory(category), Redact(text)));
        while (entries.Count > Capacity && entries.TryDequeue(out _))
        {
        }
    }

    private static string ShortCategory(string category) => category.StartsWith("CoalitionBot.", StringComparison.Ordinal) ? category["CoalitionBot.".Length..] : category;

    private sealed class BufferLogger(LogBuffer buffer, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                buffer.Add(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}

internal sealed record LogEntry(DateTimeOffset At, string Level, string Category, string Message);
