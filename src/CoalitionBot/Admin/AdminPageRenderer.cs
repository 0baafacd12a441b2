using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using CoalitionBot.Localization;

using CoalitionBot.Operations;

namespace CoalitionBot.Admin;

/// The admin page's HTML: one column, readable on a phone, no script, every value encoded.
internal static class AdminPageRenderer
{
    private const string Style = """
        body{margin:0;font:16px/1.45 system-ui,sans-serif;color:#1d1d1f;background:#f5f5f7}
        main{max-width:760px;margin:0 auto;padding:12px}
        h1{font-size:1.3em}h2{font-size:1.1em;margin-top:1.6em;border-bottom:1px solid #ccc}
        section{background:#fff;border-radius:8px;padding:8px 12px;margin:10px 0}
        .ok{color:#0a7d32}.bad{color:#b00020}.flash{background:#e8f0fe;padding:8px;border-radius:6px}
        table{width:100%;border-collapse:collapse}td{padding:6px 4px;border-top:1px solid #eee;vertical-align:top}
        form.inline{display:inline}button{font:inherit;padding:6px 10px;margin:2px;border-radius:6px;border:1px solid #888;background:#fafafa}
        input[type=text],input[type=password],input[type=email]{font:inherit;padding:6px;width:100%;box-sizing:border-box}
        pre{white-space:pre-wrap;font-size:.8em;max-height:24em;overflow:auto}small{color:#555}
        """;

    public static string SignIn(AdminTexts texts, string antiforgeryField, string antiforgeryToken, string? error)
    {
        var body = new StringBuilder();
        body.Append("<section><h2>").Append(E(texts.SignInHeading)).Append("</h2>");
        if (error is not null)
        {
            body.Append("<p class=\"bad\" role=\"alert\">").Append(E(error)).Append("</p>");
        }

        body.Append("<form method=\"post\" action=\"/admin/login\">").Append(Hidden(antiforgeryField, antiforgeryToken))
            .Append("<label>").Append(E(texts.TokenLabel)).Append("<input type=\"password\" name=\"token\" autocomplete=\"current-password\" required></label>")
            .Append("<p><button type=\"submit\">").Append(E(texts.SignIn)).Append("</button></p></form></section>");
        return Page(texts, body.ToString());
    }

    public static string Dashboard(AdminPageModel model)
    {
        var t = model.Texts;
        var body = new StringBuilder();
        if (model.Flash is not null)
        {
            body.Append("<p class=\"flash\" role=\"status\">").Append(E(model.Flash)).Append("</p>");
        }

        var status = model.Status;
        body.Append("<section><h2>").Append(E(t.StatusHeading)).Append("</h2><p class=\"")
            .Append(status.Health == "healthy" ? "ok\">✔ " + E(t.Healthy) : "bad\">✖ " + E(t.Unhealthy))
            .Append("</p><p><small>").Append(E(t.Version)).Append(' ').Append(E(status.Version)).Append(" · ")
            .Append(E(t.Uptime)).Append(' ').Append(E(Duration(status.UptimeSeconds))).Append("</small></p><ul>");
        foreach (var (name, state) in t.Lang == "fr" ? status.FrenchChecks : status.Checks)
        {
            body.Append("<li>").Append(E(name)).Append(" : ").Append(E(state)).Append("</li>");
        }

        foreach (var feature in status.Features)
        {
            var detail = t.Lang == "fr" ? feature.FrenchDetail : feature.Detail;
            body.Append("<li>").Append(E(feature.Name)).Append(" — ").Append(E(feature.Enabled ? t.On : t.Off)).Append(" <small>").Append(E(detail)).Append("</small></li>");
        }

        var refusals = status.Refusals;
        body.Append("<li>").Append(E(t.Refusals)).Append(" : ").Append(refusals.Total.ToString(t.Culture));
        if (refusals.ByReason.Count > 0)
        {
            body.Append(" <small>").Append(E(string.Join(", ", refusals.ByReason.Select(r => $"{r.Key} {r.Value.ToString(t.Culture)}")))).Append("</small>");
        }

        body.Append("</li></ul></section>");
        AppendActions(body, model);
        AppendDigests(body, model);
        AppendChannels(body, model);
        AppendSwitches(body, model);
        body.Append("<section><h2>").Append(E(t.LogsHeading)).Append("</h2><pre>");
        foreach (var entry in model.Logs)
        {
            body.Append(E(entry.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))).Append(' ')
                .Append(E(entry.Level)).Append(' ').Append(E(entry.Category)).Append(": ").Append(E(entry.Message)).Append('\n');
        }

        body.Append("</pre></section>");
        body.Append("<form class=\"inline\" method=\"post\" action=\"/admin/logout\">").Append(Hidden(model.AntiforgeryField, model.AntiforgeryToken))
            .Append("<button type=\"submit\">").Append(E(t.SignOut)).Append("</button></form>")
            .Append("<form class=\"inline\" method=\"post\" action=\"/admin/logout-everywhere\">").Append(Hidden(model.AntiforgeryField, model.AntiforgeryToken))
            .Append("<button type=\"submit\">").Append(E(t.SignOutEverywhere)).Append("</button></form>");
        return Page(t, body.ToString());
    }

    private static void AppendActions(StringBuilder body, AdminPageModel model)
    {
        var t = model.Texts;
        var language = t.Lang == "en" ? Language.English : Language.French;
        body.Append("<section><h2>").Append(E(t.ActionsHeading)).Append("</h2>");
        foreach (var action in model.Actions)
        {
            body.Append("<form method=\"post\" action=\"/admin/actions/").Append(E(action.Key)).Append("\">").Append(Hidden(model.AntiforgeryField, model.AntiforgeryToken));
            if (action.InputLabel(language) is { } inputLabel)
            {
                body.Append("<label>").Append(E(inputLabel)).Append("<input type=\"email\" name=\"input\" required></label>");
            }

            body.Append("<button type=\"submit\" name=\"action\" value=\"").Append(E(action.Key)).Append("\">").Append(E(action.Label(language))).Append("</button></form>");
        }

        body.Append("<form method=\"post\" action=\"/admin/restart\">").Append(Hidden(model.AntiforgeryField, model.AntiforgeryToken))
            .Append("<button type=\"submit\" title=\"").Append(E(t.RestartConfirm)).Append("\">").Append(E(t.Restart)).Append("</button></form></section>");
    }

    private static void AppendDigests(StringBuilder body, AdminPageModel model)
    {
        var t = model.Texts;
        body.Append("<section><h2>").Append(E(t.DigestsHeading)).Append("</h2>");
        if (model.Digests.Count == 0)
        {
            body.Append("<p><small>").Append(E(t.NoDigestYet)).Append("</small></p></section>");
            return;
        }

        body.Append("<table>");
        foreach (var digest in model.Digests)
        {
            body.Append("<tr data-digest=\"").Append(E(digest.Id)).Append("\"><td>").Append(E(digest.Id)).Append("<br><small class=\"digest-state\">")
                .Append(E(t.DigestState(digest.State))).Append(" · ").Append(digest.Messages.ToString(t.Culture)).Append(" messages</small>");
            if (digest.LastError is { Length: > 0 } error)
            {
                body.Append("<br><small class=\"bad\">").Append(E(error)).Append("</small>");
            }

            body.Append("</td><td>");
            if (digest.HasContent)
            {
                body.Append("<a href=\"/admin/digests/").Append(E(digest.Id)).Append("\">").Append(E(t.Open)).Append("</a>");
            }

            body.Append("</td></tr>");
        }

        body.Append("</table></section>");
    }

    private static void AppendChannels(StringBuilder body, AdminPageModel model)
    {
        var t = model.Texts;
        body.Append("<section><h2>").Append(E(t.ChannelsHeading)).Append("</h2>");
        if (!model.Channels.ServerListAvailable)
        {
            body.Append("<p><small>").Append(E(t.ChannelListUnavailable)).Append("</small></p>");
        }

        body.Append("<table>");
        foreach (var channel in model.Channels.Channels)
        {
            var state = channel.Excluded ? t.Excluded : channel.Important ? t.Important : t.Monitored;
            body.Append("<tr data-channel=\"").Append(E(channel.Id)).Append("\"><td>#").Append(E(channel.Name)).Append("<br><small class=\"state\">").Append(E(state));
            if (channel.ChangedBy is { Length: > 0 } by && channel.ChangedAt is { } at)
            {
                body.Append(" — ").Append(E(string.Format(t.Culture, t.ChangedByFormat, by, TimeZoneInfo.ConvertTime(at, model.Zone))));
            }

            body.Append("</small></td><td>")
                .Append(ChannelButton(model, channel.Id, channel.Excluded ? "include" : "exclude", channel.Excluded ? t.Include : t.Exclude))
                .Append(ChannelButton(model, channel.Id, channel.Important ? "unimportant" : "important", channel.Important ? t.UnmarkImportant : t.MarkImportant))
                .Append("</td></tr>");
        }

        body.Append("</table></section>");
    }

    private static void AppendSwitches(StringBuilder body, AdminPageModel model)
    {
        var t = model.Texts;
        if (model.Status.Switches is not { } switches)
        {
            // Unreadable (the database): the status above says why.
            return;
        }

        body.Append("<section><h2>").Append(E(t.SwitchesHeading)).Append("</h2><form method=\"post\" action=\"/admin/switches\">")
            .Append(Hidden(model.AntiforgeryField, model.AntiforgeryToken))
            .Append(Checkbox("dailyMail", t.DailyMail, switches.DailyMail))
            .Append(Checkbox("weeklySynthesis", t.WeeklySynthesis, switches.WeeklySynthesis))
            .Append(Checkbox("summaries", t.Summaries, switches.Summaries))
            .Append(Checkbox("abstracts", t.Abstracts, switches.Abstracts))
            .Append("<p><button type=\"submit\">").Append(E(t.Save)).Append("</button></p></form></section>");
    }

    private static string ChannelButton(AdminPageModel model, string id, string action, string label) =>
        $"<form class=\"inline\" method=\"post\" action=\"/admin/channels/{E(id)}/{action}\">{Hidden(model.AntiforgeryField, model.AntiforgeryToken)}<button type=\"submit\">{E(label)}</button></form>";

    private static string Checkbox(string name, string label, bool on) =>
        $"<p><label><input type=\"checkbox\" name=\"{name}\" value=\"true\"{(on ? " checked" : "")}> {E(label)}</label></p>";

    private static string Hidden(string name, string value) => $"<input type=\"hidden\" name=\"{E(name)}\" value=\"{E(value)}\">";

    private static string Duration(double seconds)
    {
        var span = TimeSpan.FromSeconds(seconds);
        return span.TotalDays >= 1 ? $"{(int)span.TotalDays} j {span.Hours} h" : span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min" : $"{span.Minutes} min {span.Seconds} s";
    }

    private static string Page(AdminTexts texts, string body) =>
        $"<!DOCTYPE html><html lang=\"{texts.Lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<meta name=\"referrer\" content=\"no-referrer\"><title>{E(texts.Title)}</title><style>{Style}</style></head><body><main><h1>{E(texts.Title)}</h1>{body}</main></body></html>";

    private static string E(string value) => HtmlEncoder.Default.Encode(value);
}

/// One digest as the admin page lists it.
internal sealed record DigestLine(string Id, string State, int Messages, string? LastError, bool HasContent);

internal sealed record AdminPageModel(
    AdminTexts Texts,
    StatusView Status,
    ChannelLists Channels,
    IReadOnlyList<LogEntry> Logs,
    IReadOnlyList<IAdminAction> Actions,
    IReadOnlyList<DigestLine> Digests,
    TimeZoneInfo Zone,
    string AntiforgeryField,
    string AntiforgeryToken,
    string? Flash);
