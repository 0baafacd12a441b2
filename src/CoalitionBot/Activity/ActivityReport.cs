using CoalitionBot.Digest;

namespace CoalitionBot.Activity;

/// /report's figures over a period: messages per channel, active members, most-reacted messages,
/// and the change against the period before.
internal sealed record ActivityReport(
    ReportPeriod Period,
    DateOnly From,
    DateOnly To,
    int Messages,
    int PreviousMessages,
    int ActiveMembers,
    IReadOnlyList<ChannelActivity> Channels,
    IReadOnlyList<DigestHighlight> MostReacted)
{
    public static int Days(ReportPeriod period) => period switch
    {
        ReportPeriod.Week => 7,
        ReportPeriod.Month => 30,
        _ => 1,
    };

    /// Pure, like the digest builder: the same candidates, counted instead of listed.
    public static ActivityReport Build(ReportPeriod period, DateOnly from, DateOnly to, DigestRequest current, DigestRequest previous)
    {
        var messages = DigestBuilder.Candidates(current).Where(c => c.Entry.Kind == DigestEntryKind.Message).ToList();
        var channels = messages
            .GroupBy(c => c.Parent.Id)
            .Select(g => new ChannelActivity(g.Key, g.First().Parent.Name, DigestBuilder.ChannelLink(current.GuildId, g.Key), g.Count()))
            .OrderByDescending(a => a.Messages)
            .ThenBy(a => a.Name, StringComparer.CurrentCulture)
            .ToList();
        var reacted = messages
            .Where(c => c.Entry.Reactions > 0)
            .OrderByDescending(c => c.Entry.Reactions)
            .ThenBy(c => c.Message.Id)
            .Take(5)
            .Select(c => new DigestHighlight(c.Entry, c.Parent.Name, c.Thread?.Name, c.Entry.JumpLink, 1, 0, c.Entry.Reactions))
            .ToList();
        return new ActivityReport(
            period,
            from,
            to,
            messages.Count,
            DigestBuilder.CountMessages(previous),
            messages.Select(c => c.Message.AuthorId).Distinct().Count(),
            channels,
            reacted);
    }
}
