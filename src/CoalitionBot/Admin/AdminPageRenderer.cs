using CoalitionBot.Activity;
using CoalitionBot.Operations;
using CoalitionBot.Templates;

namespace CoalitionBot.Admin;

/// The admin page's HTML: one column, readable on a phone, no script, every value encoded
/// (each template is an <see cref="Html"/> interpolated string: holes are encoded unless they are markup).
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
        a.discord{display:inline-block;padding:8px 14px;border-radius:6px;background:#4752c4;color:#fff;text-decoration:none;font-weight:600}h3{font-size:1em}
        """;

    /// The sign-in page: "sign in with Discord" when configured (<paramref name="withDiscord"/>), and the
    /// token form when Admin:Token is set.
    public static string SignIn(AdminTexts texts, string antiforgeryField, string antiforgeryToken, string? error, Html withDiscord = default, Html tokenHeading = default, bool tokenForm = true) =>
        Page(texts, Html.Of($"""
            <section><h2>{texts.SignInHeading}</h2>{Html.If(error is not null, $"""<p class="bad" role="alert">{error}</p>""")}{withDiscord}
            {(tokenForm ? TokenForm(texts, antiforgeryField, antiforgeryToken, tokenHeading) : Html.Empty)}</section>
            """));

    private static Html TokenForm(AdminTexts texts, string antiforgeryField, string antiforgeryToken, Html heading) => Html.Of($"""
        {heading}<form method="post" action="/admin/login">{Hidden(antiforgeryField, antiforgeryToken)}<label>{texts.TokenLabel}<input type="password" name="token" autocomplete="current-password" required></label>
        <p><button type="submit">{texts.SignIn}</button></p></form>
        """);

    public static string Dashboard(AdminPageModel model)
    {
        var t = model.Texts;
        return Page(t, Html.Of($"""
            {model.SignedInAs}{Html.If(model.Flash is not null, $"""<p class="flash" role="status">{model.Flash}</p>""")}
            {Status(model)}
            {Actions(model)}
            {AdminPreviewRenderer.DashboardLink(t)}
            {Digests(model)}
            {Activity(model)}
            {Audience(model)}
            {Channels(model)}
            {Switches(model)}
            {AdminAuditSection.Section(model.Audit, t, model.Zone)}
            <section><h2 id="logs">{t.LogsHeading}</h2><pre tabindex="0" aria-labelledby="logs">{Html.Concat(model.Logs.Select(entry => Html.Of($"{entry.At:yyyy-MM-dd HH:mm:ss} {entry.Level} {entry.Category}: {entry.Message}\n")))}</pre></section>
            <form class="inline" method="post" action="/admin/logout">{Hidden(model.AntiforgeryField, model.AntiforgeryToken)}<button type="submit">{t.SignOut}</button></form><form class="inline" method="post" action="/admin/logout-everywhere">{Hidden(model.AntiforgeryField, model.AntiforgeryToken)}<button type="submit">{t.SignOutEverywhere}</button></form>
            """));
    }

    private static Html Status(AdminPageModel model)
    {
        var t = model.Texts;
        var status = model.Status;
        var state = status.Health == "healthy"
            ? Html.Of($"""<p class="ok">✔ {t.Healthy}</p>""")
            : Html.Of($"""<p class="bad">✖ {t.Unhealthy}</p>""");
        var health = HealthTexts.For(t.Language);
        var refusals = status.Refusals;
        var byReason = string.Join(", ", refusals.ByReason.Select(r => $"{r.Key} {r.Value.ToString(t.Culture)}"));
        return Html.Of($"""
            <section><h2>{t.StatusHeading}</h2>{state}<p><small>{t.Version} {status.Version} · {t.Uptime} {Duration(status.UptimeSeconds)}</small></p><ul>
            {Html.Concat(status.ChecksIn(health).Select(check => Html.Of($"<li>{check.Key} : {check.Value}</li>")))}
            {Html.Concat(status.Features.Select(feature => Html.Of($"<li>{feature.Name} — {(feature.Enabled ? t.On : t.Off)} <small>{feature.Message(health)}</small></li>")))}
            <li>{t.Refusals} : {refusals.Total.ToString(t.Culture)}{Html.If(refusals.ByReason.Count > 0, $" <small>{byReason}</small>")}</li></ul></section>
            """);
    }

    private static Html Actions(AdminPageModel model)
    {
        var t = model.Texts;
        var language = t.Language;
        return Html.Of($"""
            <section><h2>{t.ActionsHeading}</h2>
            {Html.Concat(model.Actions.Select(action => Html.Of($"""
                <form method="post" action="/admin/actions/{action.Key}">{Hidden(model.AntiforgeryField, model.AntiforgeryToken)}{(action.InputLabel(language) is { } inputLabel ? Html.Of($"""<label>{inputLabel}<input type="email" name="input" required></label>""") : Html.Empty)}<button type="submit" name="action" value="{action.Key}">{action.Label(language)}</button></form>
                """)))}
            <form method="post" action="/admin/restart">{Hidden(model.AntiforgeryField, model.AntiforgeryToken)}<button type="submit" title="{t.RestartConfirm}">{t.Restart}</button></form></section>
            """);
    }

    private static Html Digests(AdminPageModel model)
    {
        var t = model.Texts;
        if (model.Digests.Count == 0)
        {
            return Html.Of($"<section><h2>{t.DigestsHeading}</h2><p><small>{t.NoDigestYet}</small></p></section>");
        }

        return Html.Of($"""
            <section><h2>{t.DigestsHeading}</h2><table>
            {Html.Concat(model.Digests.Select(digest => Html.Of($"""
                <tr data-digest="{digest.Id}"><td>{digest.Id}<br><small class="digest-state">{t.DigestState(digest.State)} · {digest.Messages.ToString(t.Culture)} messages</small>{Html.If(digest.LastError is { Length: > 0 }, $"""<br><small class="bad">{digest.LastError}</small>""")}</td><td>{Html.If(digest.HasContent, $"""<a href="/admin/digests/{digest.Id}">{t.Open}</a>""")}{AdminOperationsPage.ResendButton(digest, t, model.AntiforgeryField, model.AntiforgeryToken)}</td></tr>
                """)))}
            </table></section>
            """);
    }

    /// One line on the audience (what is wrong first, when something is), and a form to change it.
    private static Html Audience(AdminPageModel model)
    {
        var t = model.Texts;
        var audience = model.Audience;
        var source = audience.ChangedBy is { } by && audience.ChangedAt is { } at
            ? string.Format(t.Culture, t.AudienceChosenByFormat, t.Who(audience.ChangedById, by), TimeZoneInfo.ConvertTime(at, model.Zone))
            : t.AudienceConfigured;
        var line = audience.ProblemMessage is { } problem
            ? Html.Of($"""<p class="bad" data-audience="problem">⚠ {problem(HealthTexts.For(t.Language))}</p>""")
            : Html.Of($"""<p data-audience="ok">{string.Format(t.Culture, t.AudienceVisibleFormat, audience.Role, audience.Visible, audience.Followed)}</p>""");
        return Html.Of($"""
            <section><h2>{t.AudienceHeading}</h2>{line}<p><small>{audience.Role} — {source}</small></p>
            <form method="post" action="/admin/audience">{Hidden(model.AntiforgeryField, model.AntiforgeryToken)}<label>{t.AudienceRoleLabel} <select name="role">
            {Html.Concat(audience.Roles.Select(role => Html.Of($"""<option value="{role.Id}"{Html.If(role.Id == audience.RoleId, $" selected")}>{role.Name}</option>""")))}
            </select></label> <button type="submit">{t.Save}</button></form></section>
            """);
    }

    /// The last 30 days and the last 12 months, from the daily aggregates (absent when they cannot be read).
    private static Html Activity(AdminPageModel model) =>
        model.Activity is { } activity
            ? AdminActivityChart.Section(activity.Month, activity.Year, ActivityTexts.For(model.Texts.Language), model.Texts.Culture, "d MMM yyyy")
            : Html.Empty;

    private static Html Channels(AdminPageModel model)
    {
        var t = model.Texts;
        return Html.Of($"""
            <section><h2>{t.ChannelsHeading}</h2>{Html.If(!model.Channels.ServerListAvailable, $"<p><small>{t.ChannelListUnavailable}</small></p>")}<table>
            {Html.Concat(model.Channels.Channels.Select(channel => Channel(model, channel)))}
            </table></section>
            """);
    }

    private static Html Channel(AdminPageModel model, ChannelView channel)
    {
        var t = model.Texts;
        var state = channel.Excluded ? t.Excluded : channel.Important ? t.Important : channel.AudienceCanView ? t.Monitored : string.Format(t.Culture, t.HiddenFromFormat, model.Channels.Audience);
        var changed = channel.ChangedBy is { Length: > 0 } by && channel.ChangedAt is { } at
            ? " — " + string.Format(t.Culture, t.ChangedByFormat, t.Who(channel.ChangedById, by), TimeZoneInfo.ConvertTime(at, model.Zone))
            : "";
        return Html.Of($"""
            <tr data-channel="{channel.Id}"><td>#{channel.Name}<br><small class="state">{state}{changed}</small></td><td>{ChannelButton(model, channel.Id, channel.Excluded ? "include" : "exclude", channel.Excluded ? t.Include : t.Exclude)}{ChannelButton(model, channel.Id, channel.Important ? "unimportant" : "important", channel.Important ? t.UnmarkImportant : t.MarkImportant)}</td></tr>
            """);
    }

    private static Html Switches(AdminPageModel model)
    {
        var t = model.Texts;

        // Unreadable (the database): the status above says why.
        return model.Status.Switches is not { } switches
            ? Html.Empty
            : Html.Of($"""
                <section><h2>{t.SwitchesHeading}</h2><form method="post" action="/admin/switches">{Hidden(model.AntiforgeryField, model.AntiforgeryToken)}
                {Checkbox("dailyMail", t.DailyMail, switches.DailyMail)}
                {Checkbox("weeklySynthesis", t.WeeklySynthesis, switches.WeeklySynthesis)}
                {Checkbox("summaries", t.Summaries, switches.Summaries)}
                {Checkbox("abstracts", t.Abstracts, switches.Abstracts)}
                <p><button type="submit">{t.Save}</button></p></form></section>
                """);
    }

    private static Html ChannelButton(AdminPageModel model, string id, string action, string label) =>
        Html.Of($"""<form class="inline" method="post" action="/admin/channels/{id}/{action}">{Hidden(model.AntiforgeryField, model.AntiforgeryToken)}<button type="submit">{label}</button></form>""");

    private static Html Checkbox(string name, string label, bool on) =>
        Html.Of($"""<p><label><input type="checkbox" name="{name}" value="true"{Html.If(on, $" checked")}> {label}</label></p>""");

    private static Html Hidden(string name, string value) => Html.Of($"""<input type="hidden" name="{name}" value="{value}">""");

    private static string Duration(double seconds)
    {
        var span = TimeSpan.FromSeconds(seconds);
        return span.TotalDays >= 1 ? $"{(int)span.TotalDays} j {span.Hours} h" : span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min" : $"{span.Minutes} min {span.Seconds} s";
    }

    internal static string Page(AdminTexts texts, Html body, Html head = default) => Html.Of($"""
        <!DOCTYPE html><html lang="{texts.Lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">
        <title>{texts.Title}</title><style>{Html.Raw(Style)}</style>{head}</head>
        <body><main><h1>{texts.Title}</h1>
        {body}
        </main></body></html>
        """).ToString();
}

/// One digest as the admin page lists it.
internal sealed record DigestLine(string Id, string State, int Messages, string? LastError, bool HasContent);

internal sealed record AdminPageModel(
    AdminTexts Texts,
    StatusView Status,
    ChannelLists Channels,
    AudienceInfo Audience,
    IReadOnlyList<LogEntry> Logs,
    IReadOnlyList<IAdminAction> Actions,
    IReadOnlyList<DigestLine> Digests,
    TimeZoneInfo Zone,
    string AntiforgeryField,
    string AntiforgeryToken,
    string? Flash)
{
    /// Who is signed in, as the page says it (empty for the token).
    public Html SignedInAs { get; init; }

    /// The activity charts' reports (last 30 days, last 12 months); null when they could not be built.
    public (ActivityReport Month, ActivityReport Year)? Activity { get; init; }

    /// The latest changes, newest first (<see cref="AdminAuditSection"/>).
    public IReadOnlyList<Storage.AuditEntry> Audit { get; init; } = [];
}
