using CoalitionBot.Digest.Rendering;
using CoalitionBot.Digest;
using CoalitionBot.Discord.Models;

using CoalitionBot.Markup;

namespace CoalitionBot.Activity;

/// The digest as Discord embeds for /resume and the activity report for /report, within Discord's limits.
internal static class DigestEmbedRenderer
{
    private const int ExcerptLength = 140;

    /// The digest in one message (what does not fit is summed up in the footer).
    public static IReadOnlyList<Embed> Render(DailyDigest digest, DigestRenderContext context, string title, string emptyText) =>
        RenderMessages(digest, context, title, emptyText, maxMessages: 1)[0];

    /// The digest over up to <paramref name="maxMessages"/> messages: the first edits the answer, the others follow it.
    public static IReadOnlyList<IReadOnlyList<Embed>> RenderMessages(DailyDigest digest, DigestRenderContext context, string title, string emptyText, int maxMessages)
    {
        var texts = context.Texts;
        var budget = new EmbedBudget(maxMessages);
        if (digest.IsEmpty)
        {
            budget.Start(title, emptyText);
            return budget.BuildMessages(null);
        }

        var highlights = digest.Highlights.Select(h => Highlight(h, context));
        var description = (digest.Abstract is { } summary ? Abstract(summary, context) + "\n\n" : "") + context.FiguresLine(digest);
        if (digest.Highlights.Count > 0)
        {
            description += "\n\n**" + texts.HighlightsHeading + "**\n" + EmbedBudget.Lines(highlights, 3_000, out _);
        }

        budget.Start(title, description);
        foreach (var section in digest.Sections)
        {
            var lines = section.Entries.Select(e => Line(e, context, ""))
                .Concat(section.Threads.SelectMany(t => t.Entries.Select(e => Line(e, context, "↳ "))))
                .ToList();
            var value = EmbedBudget.Lines(lines, EmbedBudget.MaxFieldValue - 90, out var left);
            var omitted = section.Omitted + left;
            if (omitted > 0)
            {
                var more = $"[{texts.MoreMessages(omitted, EmbedBudget.Escape(section.Name))}]({section.Link})";
                value = (value + "\n" + more).Trim();
            }

            budget.TryAdd((section.Important ? "★ #" : "#") + section.Name, value);
        }

        if (digest.OtherChannels.Count > 0)
        {
            budget.TryAdd(texts.OtherChannelsHeading, EmbedBudget.Lines(digest.OtherChannels.Select(c => $"[#{EmbedBudget.Escape(c.Name)}]({c.Link}) — {c.Messages}"), EmbedBudget.MaxFieldValue, out _));
        }

        return budget.BuildMessages(budget.Skipped > 0 ? ActivityTexts.For(texts.Language).MoreChannelsFormat.Replace("{0}", budget.Skipped.ToString(texts.Culture), StringComparison.Ordinal) : null);
    }

    /// /resume when nothing is new: when the last digest went out, and its highlights.
    public static IReadOnlyList<Embed> RenderNothingNew(LastDigest last, DigestRenderContext context, string title)
    {
        var texts = context.Texts;
        var activity = ActivityTexts.For(texts.Language);
        var description = texts.Format(activity.NothingNewSinceFormat, texts.Date(DateOnly.FromDateTime(last.SentAt.DateTime)), texts.Time(last.SentAt));
        if (last.Digest.Highlights.Count > 0)
        {
            description += "\n\n**" + texts.HighlightsHeading + "**\n" + EmbedBudget.Lines(last.Digest.Highlights.Select(h => Highlight(h, context)), 3_000, out _);
        }

        var budget = new EmbedBudget();
        budget.Start(title, description);
        return budget.Build(null);
    }

    private static string Highlight(DigestHighlight h, DigestRenderContext context) =>
        $"• [{EmbedBudget.Escape(MarkupPlainText.Excerpt(h.Entry.Content, context.Markup, 100))}]({h.Link}) — {EmbedBudget.Escape(h.Entry.Author)}, #{EmbedBudget.Escape(h.ChannelName)} · {context.Texts.Reason(h.Reactions, h.Participants, h.Replies)}";

    /// The report as one embed: the figures, the change (or why there is none), the bars' figures
    /// (the chart's numbers, as text), per channel, and the most reacted while they are stored.
    /// <paramref name="chart"/>: the attached PNG's name, shown as the embed's image.
    public static IReadOnlyList<Embed> Render(ActivityReport report, DigestRenderContext context, string? chart = null)
    {
        var texts = context.Texts;
        var activity = ActivityTexts.For(texts.Language);
        var label = report.Period switch
        {
            ReportPeriod.Week => activity.Week,
            ReportPeriod.Month => activity.Month,
            ReportPeriod.Year => activity.Year,
            _ => activity.Day,
        };
        var budget = new EmbedBudget();
        var change = report.PreviousMessages is { } previous
            ? texts.Format(activity.ChangeFormat, report.Messages - previous)
            : report.KnownSince is { } partly && partly < report.From
                ? texts.Format(activity.PreviousKnownSinceFormat, texts.Date(partly))
                : activity.NoPreviousData;
        var members = report.MembersPerDay ? texts.Format(activity.MembersPerDayFormat, report.ActiveMembers) : texts.Members(report.ActiveMembers);
        var description = $"**{texts.Messages(report.Messages)}** ({change}) · {members}\n{texts.Date(report.From)} → {texts.Date(report.To)}";
        if (report.KnownSince is { } first && first > report.From && first <= report.To)
        {
            description += "\n" + texts.Format(activity.KnownSinceFormat, texts.Date(first));
        }

        budget.Start(texts.Format(activity.ReportTitleFormat, label), description);
        if (report.Buckets.Count > 1)
        {
            var bars = report.Buckets.Select(b => $"{BucketLabel(b, report.Period, texts, activity)} — {(b.Known ? b.Messages.ToString(texts.Culture) : "–")}");
            budget.TryAdd(report.Period == ReportPeriod.Year ? activity.PerMonth : activity.PerDay, EmbedBudget.Lines(bars, EmbedBudget.MaxFieldValue, out _));
        }

        var channels = EmbedBudget.Lines(report.Channels.Select(c => $"[#{EmbedBudget.Escape(c.Name)}]({c.Link}) — {c.Messages}"), EmbedBudget.MaxFieldValue, out _);
        budget.TryAdd(activity.PerChannel, channels.Length > 0 ? channels : activity.Nothing);
        if (report.Period != ReportPeriod.Year)
        {
            var reacted = EmbedBudget.Lines(
                report.MostReacted.Select(h => $"{texts.Reactions(h.Reactions)} — [{EmbedBudget.Escape(MarkupPlainText.Excerpt(h.Entry.Content, context.Markup, 90))}]({h.Link}) — {EmbedBudget.Escape(h.Entry.Author)}, #{EmbedBudget.Escape(h.ChannelName)}"),
                EmbedBudget.MaxFieldValue,
                out _);
            budget.TryAdd(activity.MostReacted, reacted.Length > 0 ? reacted : activity.Nothing);
        }

        var embeds = budget.Build(null);
        return chart is null || embeds.Count == 0 ? embeds : [embeds[0] with { Image = new EmbedImage("attachment://" + chart) }, .. embeds.Skip(1)];
    }

    /// What the chart shows, said in a line (the attachment's description, read by screen readers).
    public static string ChartDescription(ActivityReport report, DigestTexts texts)
    {
        var activity = ActivityTexts.For(texts.Language);
        return texts.Format(activity.ChartDescriptionFormat, report.Period == ReportPeriod.Year ? activity.PerMonth : activity.PerDay, texts.Date(report.From), texts.Date(report.To));
    }

    private static string BucketLabel(ActivityBucket bucket, ReportPeriod period, DigestTexts texts, ActivityTexts activity) =>
        period == ReportPeriod.Year
            ? bucket.From.ToString(activity.MonthFormat, texts.Culture)
            : bucket.From.ToString(texts.ShortDateFormat, texts.Culture);

    /// The model's words escaped like a member's; its only links are the citations' jump links.
    private static string Abstract(DigestAbstract summary, DigestRenderContext context)
    {
        var texts = context.Texts;
        var words = string.Concat(summary.Parts.Select(p => p.Link is { } link ? $"[{EmbedBudget.Escape(p.Text)}]({link})" : EmbedBudget.Escape(p.Text)));
        return $"**{EmbedBudget.Escape(texts.AbstractHeading)}**\n{words}\n*{EmbedBudget.Escape(texts.Format(texts.AbstractLabelFormat, summary.Model))}*";
    }

    private static string Line(DigestEntry entry, DigestRenderContext context, string prefix)
    {
        var time = context.Texts.Time(entry.LocalTime);
        if (entry.Kind != DigestEntryKind.Message)
        {
            return $"{prefix}`{time}` [{EmbedBudget.Escape(context.OneLiner(entry))}]({entry.JumpLink})";
        }

        var excerpt = MarkupPlainText.Excerpt(entry.Content, context.Markup, ExcerptLength);
        if (excerpt.Length == 0 && entry.Attachments.Count > 0)
        {
            excerpt = "📎 " + entry.Attachments[0].FileName;
        }

        return $"{prefix}`{time}` **{EmbedBudget.Escape(entry.Author)}**{context.Texts.Colon.TrimEnd()} {EmbedBudget.Escape(excerpt)} [↗]({entry.JumpLink})";
    }
}
