using System.Globalization;
using CoalitionBot.Storage;
using CoalitionBot.Templates;

namespace CoalitionBot.Admin;

/// The admin page's "Historique des changements": the latest changes, newest first, each with when
/// (in Digest:TimeZone), who (the name, and the Discord id in small type and on hover), what and
/// on what. Names come from Discord and are encoded like everything else.
internal static class AdminAuditSection
{
    /// How many changes the page shows; GET /admin/api/audit gives more.
    public const int Shown = 30;

    /// The latest changes for the page; none, with one log line, when the database cannot be read
    /// (the status says why, and the rest of the page still shows).
    public static IReadOnlyList<AuditEntry> Read(AuditTrail audit, ILogger logger)
    {
        try
        {
            return audit.Latest(Shown);
        }
        catch (Exception exception) when (Database.IsUnavailable(exception))
        {
            Log.AuditUnreadable(logger, Security.UnhandledExceptions.OneLine(exception.Message));
            return [];
        }
    }

    public static Html Section(IReadOnlyList<AuditEntry> entries, AdminTexts admin, TimeZoneInfo zone)
    {
        var t = AuditTexts.For(admin.Language);
        var body = entries.Count == 0
            ? Html.Of($"<p><small>{t.Empty}</small></p>")
            : Html.Of($"""<ol class="audit" style="list-style:none;padding:0;margin:0">{Html.Concat(entries.Select(entry => Line(entry, t, admin, zone)))}</ol>""");
        return Html.Of($"""<section id="audit"><h2>{t.Heading}</h2>{body}</section>""");
    }

    private static Html Line(AuditEntry entry, AuditTexts t, AdminTexts admin, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(entry.At, zone);
        var id = entry.ActorId?.ToString(CultureInfo.InvariantCulture);
        var who = id is null
            ? Html.Of($"""<strong class="who">{admin.Who(null, entry.Actor)}</strong>""")
            : Html.Of($"""<strong class="who" title="{string.Format(admin.Culture, t.IdFormat, id)}">{entry.Actor}</strong> <small class="actor-id">{id}</small>""");
        var target = Target(entry);
        var detail = Detail(entry, t, admin);
        return Html.Of($"""
            <li data-audit="{entry.Id}" data-kind="{entry.Kind}" style="padding:6px 0;border-top:1px solid #eee"><small><time datetime="{entry.At.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ}">{local.ToString(t.DateFormat, admin.Culture)}</time></small> {who} — <span class="what">{t.Kind(entry.Kind)}</span>{Html.If(target is not null, $""" <span class="target">{target}</span>""")}{Html.If(detail is not null, $"""<br><small class="detail">{detail}</small>""")}</li>
            """);
    }

    private static string? Target(AuditEntry entry)
    {
        var name = entry.Target is { Length: > 0 } known ? known : entry.TargetId;
        return name is not null && entry.Kind is AuditKinds.Excluded or AuditKinds.Included or AuditKinds.Important or AuditKinds.NotImportant ? "#" + name : name;
    }

    /// The detail in the page's language: the switches that moved with their labels, the audience
    /// before, how many sessions ended; an action's answer as it was given.
    private static string? Detail(AuditEntry entry, AuditTexts t, AdminTexts admin)
    {
        if (entry.Detail is not { Length: > 0 } detail)
        {
            return null;
        }

        return entry.Kind switch
        {
            AuditKinds.Switches => string.Join(", ", detail.Split(';').Select(moved => Switch(moved, t, admin))),
            AuditKinds.Audience => string.Format(admin.Culture, t.AudienceBeforeFormat, detail),
            AuditKinds.SessionsRevoked => string.Format(admin.Culture, t.SessionsFormat, detail),
            _ => detail,
        };
    }

    private static string Switch(string moved, AuditTexts t, AdminTexts admin)
    {
        var (name, state) = moved.Split('=') is [var n, var s] ? (n, s) : (moved, "");
        var label = name switch
        {
            "dailyMail" => admin.DailyMail,
            "weeklySynthesis" => admin.WeeklySynthesis,
            "summaries" => admin.Summaries,
            "abstracts" => admin.Abstracts,
            _ => name,
        };
        return state switch
        {
            "on" => string.Format(admin.Culture, t.SwitchFormat, label, admin.On),
            "off" => string.Format(admin.Culture, t.SwitchFormat, label, admin.Off),
            _ => label,
        };
    }
}

internal static partial class Log
{
    [LoggerMessage(EventId = 1160, Level = LogLevel.Error, Message = "Admin page: the change history could not be read ({Reason}); the page shows without it")]
    public static partial void AuditUnreadable(ILogger logger, string reason);
}
