namespace CoalitionBot.Digest;

/// Picks the messages and threads that drew the most people.
internal static class DigestHighlights
{
    public static IReadOnlyList<DigestHighlight> Rank(IReadOnlyList<DigestCandidate> candidates, DigestRequest request)
    {
        var messages = candidates.Where(c => c.Entry.Kind == DigestEntryKind.Message).ToList();
        var repliesTo = messages
            .Where(c => c.Message.ReplyToMessageId is not null)
            .GroupBy(c => c.Message.ReplyToMessageId!.Value)
            .ToDictionary(g => g.Key, g => g.ToList());
        var threads = messages.Where(c => c.Thread is not null).GroupBy(c => c.Thread!.Id).ToDictionary(g => g.Key, g => g.ToList());
        List<(DigestHighlight Highlight, int Score, ulong Thread)> ranked = [];
        HashSet<ulong> threadsStartedHere = [];
        foreach (var candidate in messages)
        {
            var replies = repliesTo.GetValueOrDefault(candidate.Message.Id) ?? [];
            var thread = candidate.Message.ThreadId is { } threadId ? threads.GetValueOrDefault(threadId) ?? [] : [];
            if (candidate.Message.ThreadId is { } started)
            {
                threadsStartedHere.Add(started);
            }

            var people = replies.Concat(thread).Select(c => c.Message.AuthorId).Append(candidate.Message.AuthorId).Distinct().Count();
            var answers = replies.Count + thread.Count;
            var highlight = new DigestHighlight(candidate.Entry, candidate.Parent.Name, candidate.Thread?.Name, candidate.Entry.JumpLink, people, answers, candidate.Entry.Reactions);
            ranked.Add((highlight, Score(highlight), candidate.Message.ThreadId ?? 0));
        }

        foreach (var (threadId, posts) in threads)
        {
            if (threadsStartedHere.Contains(threadId))
            {
                continue;
            }

            var first = posts[0];
            var people = posts.Select(c => c.Message.AuthorId).Distinct().Count();
            var highlight = new DigestHighlight(
                first.Entry,
                first.Parent.Name,
                first.Thread!.Name,
                DigestBuilder.ChannelLink(request.GuildId, threadId),
                people,
                posts.Count - 1,
                posts.Sum(p => p.Entry.Reactions));
            ranked.Add((highlight, Score(highlight), threadId));
        }

        return ranked
            .Where(r => r.Highlight.Participants >= 3 || r.Highlight.Reactions >= 3 || r.Highlight.Replies >= 2)
            .OrderByDescending(r => r.Score)
            .ThenByDescending(r => r.Highlight.Participants)
            .ThenBy(r => r.Highlight.Entry.Id)
            .DistinctBy(r => r.Thread == 0 ? r.Highlight.Entry.Id : r.Thread)
            .Take(request.Settings.MaxHighlights)
            .Select(r => r.Highlight)
            .ToList();
    }

    /// People weigh most: five people talking beats one message with five reactions.
    public static int Score(DigestHighlight highlight) => (highlight.Participants * 3) + (highlight.Replies * 2) + highlight.Reactions;
}
