using System.Reflection;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Tests.Codebase;

/// Each log line's event id names one kind of line, so a filter on it (in JSON logs, `EventId`)
/// finds that line and no other. Features own ranges: configuration 1-99, interactions 100s,
/// Discord 200s, storage 300s, ingestion 400s, activity 500s, digest 600s, mail 700s,
/// scheduling 800s, health 900s, security 1000s, admin 1100s, backup 1300s, summarization 1400s,
/// monitoring 1500s.
public sealed class LogEventIdTests
{
    [Fact]
    public void No_two_log_messages_share_an_event_id()
    {
        var messages = typeof(Localization.Languages).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(method => (Method: method, Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .ToList();

        var shared = messages.GroupBy(m => m.Attribute!.EventId)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: " + string.Join(", ", g.Select(m => $"{m.Method.DeclaringType!.FullName}.{m.Method.Name}")))
            .ToList();

        Assert.True(messages.Count > 50, $"only {messages.Count} log messages found: the reflection missed them");
        Assert.True(shared.Count == 0, "event ids used twice:\n" + string.Join('\n', shared));
    }
}
