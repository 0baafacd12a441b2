using System.Text;

namespace CoalitionBot.Digest;

/// Keeps the mail under its size budget: important channels whole as far as possible, the other
/// channels their best messages, each cut channel ending with how many messages were left out.
internal static class DigestBudget
{
    /// The header, figures and footer of both parts, whatever the day.
    private const int FixedCost = 6_000;
    private const int HighlightCost = 1_200;
    private const int SectionCost = 700;
    private const int ThreadCost = 400;
    private const int ListedChannelCost = 220;
    private static readonly int[] Caps = [int.MaxValue, 15, 10, 6, 4, 3, 2, 1, 0];

    /// What one message costs in the HTML and text parts together: markup and links around it,
    /// its content twice (escaping and marks included), its attachments and reply line.
    public static int Estimate(DigestEntry entry, Storage.StoredMessage message, DigestSettings settings)
    {
        var content = Encoding.UTF8.GetByteCount(message.Content.Length > settings.MaxMessageLength ? message.Content[..settings.MaxMessageLength] : message.Content);
        return 650 + (content * 5 / 2) + (entry.Attachments.Count * 260) + (entry.ReplyTo is null ? 0 : 700);
    }

    public static DigestLayout Fit(IReadOnlyList<DigestCandidate> candidates, int highlights, DigestRequest request)
    {
        var groups = candidates
            .GroupBy(c => c.Parent.Id)
            .Select(g => g.ToList())
            .OrderByDescending(g => g[0].Important)
            .ThenBy(g => CategoryPosition(g[0].Parent, request))
            .ThenBy(g => g[0].Parent.Position)
            .ThenBy(g => g[0].Parent.Id)
            .ToList();
        var important = groups.Where(g => g[0].Important).ToList();
        var others = groups.Where(g => !g[0].Important).ToList();
        var remaining = request.Settings.SizeBudget - FixedCost - (highlights * HighlightCost) - (important.Count * SectionCost);
        Dictionary<ulong, List<DigestCandidate>> kept = [];

        // Important channels are kept whole while they fit, leaving the others a quarter of the room.
        var importantRoom = others.Count > 0 ? remaining * 3 / 4 : remaining;
        var used = 0;
        foreach (var group in important)
        {
            List<DigestCandidate> keep = [];
            foreach (var candidate in group)
            {
                if (used + candidate.Size + ThreadCostOf(candidate, keep) > importantRoom)
                {
                    break;
                }

                used += candidate.Size + ThreadCostOf(candidate, keep);
                keep.Add(candidate);
            }

            kept[group[0].Parent.Id] = keep;
        }

        remaining -= used;
        List<List<DigestCandidate>> listed = [];
        foreach (var cap in Caps)
        {
            if (cap == 0)
            {
                // Not even one message each fits: the other channels become one list of names and counts.
                listed = others;
                break;
            }

            var choice = others.ToDictionary(g => g[0].Parent.Id, g => Best(g, Math.Min(cap, request.Settings.MaxMessagesPerChannel)));
            if (choice.Values.Sum(Cost) + (others.Count * SectionCost) <= remaining)
            {
                foreach (var (id, keep) in choice)
                {
                    kept[id] = keep;
                }

                break;
            }
        }

        var room = Math.Max(0, remaining) / ListedChannelCost;
        var activity = listed
            .Select(g => new ChannelActivity(g[0].Parent.Id, g[0].Parent.Name, DigestBuilder.ChannelLink(request.GuildId, g[0].Parent.Id), g.Count(c => c.Entry.Kind == DigestEntryKind.Message)))
            .OrderByDescending(a => a.Messages)
            .ToList();
        return new DigestLayout(
            groups.Where(g => kept.ContainsKey(g[0].Parent.Id)).Select(g => Section(g, kept[g[0].Parent.Id], request)).ToList(),
            activity.Take(room).ToList(),
            activity.Skip(room).ToList());
    }

    private static int CategoryPosition(Storage.StoredChannel channel, DigestRequest request) =>
        channel.ParentId is { } category && request.Channels.FirstOrDefault(c => c.Id == category) is { } found ? found.Position : -1;

    private static int ThreadCostOf(DigestCandidate candidate, List<DigestCandidate> kept) =>
        candidate.Thread is { } thread && !kept.Any(k => k.Thread?.Id == thread.Id) ? ThreadCost : 0;

    private static int Cost(List<DigestCandidate> keep) =>
        keep.Sum(c => c.Size) + (keep.Where(c => c.Thread is not null).Select(c => c.Thread!.Id).Distinct().Count() * ThreadCost);

    /// The messages with the most reactions and replies, then the latest; shown in time order.
    private static List<DigestCandidate> Best(List<DigestCandidate> group, int cap)
    {
        if (cap >= group.Count)
        {
            return group;
        }

        var replies = group.Where(c => c.Message.ReplyToMessageId is not null).GroupBy(c => c.Message.ReplyToMessageId!.Value).ToDictionary(g => g.Key, g => g.Count());
        return group
            .OrderByDescending(c => c.Entry.Kind == DigestEntryKind.Message ? c.Entry.Reactions + (2 * replies.GetValueOrDefault(c.Message.Id)) : -1)
            .ThenByDescending(c => c.Message.Id)
            .Take(cap)
            .OrderBy(c => c.Message.Timestamp)
            .ThenBy(c => c.Message.Id)
            .ToList();
    }

    private static DigestSection Section(List<DigestCandidate> group, List<DigestCandidate> keep, DigestRequest request)
    {
        var parent = group[0].Parent;
        var threads = keep
            .Where(c => c.Thread is not null)
            .GroupBy(c => c.Thread!.Id)
            .Select(g => new DigestThread(g.Key, g.First().Thread!.Name, DigestBuilder.ChannelLink(request.GuildId, g.Key), g.Select(c => c.Entry).ToList()))
            .ToList();
        return new DigestSection(
            parent.Id,
            parent.Name,
            DigestBuilder.ChannelLink(request.GuildId, parent.Id),
            group[0].Important,
            keep.Where(c => c.Thread is null).Select(c => c.Entry).ToList(),
            threads,
            group.Count - keep.Count);
    }
}
