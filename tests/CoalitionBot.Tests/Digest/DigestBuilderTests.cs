using CoalitionBot.Digest;
using CoalitionBot.Digest.Rendering;
using CoalitionBot.Markup;
using CoalitionBot.Storage;
using static CoalitionBot.Tests.Support.DigestFixtures;

namespace CoalitionBot.Tests.Digest;

public sealed class DigestBuilderTests
{
    private static readonly StoredChannel CategoryA = Channel(1, "Accueil", position: 0, type: 4);
    private static readonly StoredChannel CategoryB = Channel(2, "Projets", position: 1, type: 4);
    private static readonly StoredChannel General = Channel(10, "général", position: 1, parent: 1);
    private static readonly StoredChannel Announcements = Channel(11, "annonces", position: 0, parent: 1);
    private static readonly StoredChannel Web = Channel(12, "site-web", position: 0, parent: 2);
    private static readonly StoredChannel Hidden = Channel(13, "bureau", position: 2, parent: 1, everyone: false);
    private static readonly StoredChannel Thread = Channel(20, "Refonte", parent: 12, type: 11);
    private static readonly StoredChannel Forum = Channel(14, "idées", position: 1, parent: 2, type: 15);
    private static readonly StoredChannel Post = Channel(21, "Atelier vélo", parent: 14, type: 11);
    private static readonly StoredChannel PrivateThread = Channel(22, "Privé", parent: 10, type: 12);
    private static readonly StoredChannel[] Server = [CategoryA, CategoryB, General, Announcements, Web, Hidden, Thread, Forum, Post, PrivateThread];

    [Fact]
    public void Sections_follow_server_order_with_important_channels_first()
    {
        var messages = new[] { Message(12, "web"), Message(10, "général"), Message(11, "annonce"), Message(14, "forum") with { ChannelId = 21 } };

        var digest = DigestBuilder.Build(Request(messages, Server, [Important(12)]));

        Assert.Equal(["site-web", "annonces", "général", "idées"], digest.Sections.Select(s => s.Name));
        Assert.True(digest.Sections[0].Important);
    }

    [Fact]
    public void Threads_and_forum_posts_sit_under_their_parent()
    {
        var messages = new[] { Message(12, "dans le salon"), Message(20, "dans le fil", author: 2), Message(21, "dans le post", author: 3) };

        var digest = DigestBuilder.Build(Request(messages, Server));

        var web = digest.Sections.Single(s => s.Name == "site-web");
        Assert.Single(web.Entries);
        var thread = Assert.Single(web.Threads);
        Assert.Equal("Refonte", thread.Name);
        Assert.Equal("https://discord.com/channels/42/20", thread.Link);
        Assert.Equal("Atelier vélo", Assert.Single(digest.Sections.Single(s => s.Name == "idées").Threads).Name);
    }

    [Fact]
    public void Each_message_has_its_author_local_time_jump_link_and_attachments()
    {
        var message = Message(10, "le fichier", hour: 9, minute: 5, author: 7, name: "Chloé") with
        {
            Attachments = [new StoredAttachment("plan.pdf", 2048, "application/pdf", "https://cdn.example/plan.pdf")],
        };

        var entry = DigestBuilder.Build(Request([message], Server)).Sections[0].Entries[0];

        Assert.Equal("Chloé", entry.Author);
        Assert.Equal("09:05", DigestTexts.French.Time(entry.LocalTime));
        Assert.Equal($"https://discord.com/channels/42/10/{message.Id}", entry.JumpLink);
        Assert.Equal(new DigestAttachment("plan.pdf", "application/pdf", 2048), Assert.Single(entry.Attachments));
    }

    [Fact]
    public void A_reply_says_what_it_answers()
    {
        var question = Message(10, "Qui a les clés ?", author: 1, name: "Bruno");
        var answer = Message(10, "Moi", hour: 11, author: 2) with { Type = 19, ReplyToMessageId = question.Id, ReplyToChannelId = 10 };
        var orphan = Message(10, "Oui", hour: 12, author: 3) with { Type = 19, ReplyToMessageId = 5 };

        var entries = DigestBuilder.Build(Request([question, answer, orphan], Server)).Sections[0].Entries;

        Assert.Equal("Bruno", entries[1].ReplyTo!.Author);
        Assert.Equal($"https://discord.com/channels/42/10/{question.Id}", entries[1].ReplyTo!.JumpLink);
        Assert.Null(entries[2].ReplyTo!.Author);
        Assert.Equal("https://discord.com/channels/42/10/5", entries[2].ReplyTo!.JumpLink);
    }

    [Fact]
    public void A_reply_to_an_older_message_names_its_author_when_the_original_is_given()
    {
        var original = Message(10, "La question d'hier", author: 4, name: "Farid", day: Day.AddDays(-1));
        var answer = Message(10, "La réponse", hour: 11, author: 2) with { Type = 19, ReplyToMessageId = original.Id };

        var entry = DigestBuilder.Build(Request([answer], Server) with { Referenced = [original] }).Sections[0].Entries[0];

        Assert.Equal("Farid", entry.ReplyTo!.Author);
        Assert.Equal(1, DigestBuilder.Build(Request([answer], Server) with { Referenced = [original] }).Figures.Messages);
    }

    [Fact]
    public void Channels_everyone_cannot_see_are_left_out_unless_important()
    {
        var messages = new[] { Message(13, "secret du bureau"), Message(22, "fil privé"), Message(10, "public") };

        var plain = DigestBuilder.Build(Request(messages, Server));
        var marked = DigestBuilder.Build(Request(messages, Server, [Important(13)]));

        Assert.Equal(["général"], plain.Sections.Select(s => s.Name));
        Assert.Equal(1, plain.Figures.Messages);
        Assert.Contains(marked.Sections, s => s.Name == "bureau");
    }

    [Fact]
    public void Excluded_channels_and_their_threads_are_left_out()
    {
        var messages = new[] { Message(12, "web"), Message(20, "fil"), Message(10, "général") };

        var digest = DigestBuilder.Build(Request(messages, Server, [Excluded(12)]));

        Assert.Equal(["général"], digest.Sections.Select(s => s.Name));
    }

    [Fact]
    public void Bot_and_system_messages_are_left_out_but_pins_and_new_threads_stay_as_one_liners()
    {
        var messages = new[]
        {
            Message(10, "humain"),
            Message(10, "je suis un bot") with { AuthorIsBot = true },
            Message(10, "webhook") with { WebhookId = 5 },
            Message(10, "") with { Type = 7 },
            Message(10, "") with { Type = 6 },
            Message(10, "Nouveau fil") with { Type = 18 },
            Message(10, "/commande") with { Type = 20 },
            Message(10, "") with { Type = 21 },
        };

        var digest = DigestBuilder.Build(Request(messages, Server));

        Assert.Equal([DigestEntryKind.Message, DigestEntryKind.Pin, DigestEntryKind.ThreadCreated], digest.Sections[0].Entries.Select(e => e.Kind));
        Assert.Equal(1, digest.Figures.Messages);
    }

    [Fact]
    public void Bot_messages_can_be_included_by_setting()
    {
        var request = Request([Message(10, "bot") with { AuthorIsBot = true }], Server) with { };
        request = request with { Settings = new DigestSettings(IncludeBotMessages: true) };

        Assert.Equal(1, DigestBuilder.Build(request).Figures.Messages);
    }

    [Fact]
    public void Highlights_rank_what_drew_the_most_people_and_say_why()
    {
        var popular = Message(10, "Assemblée générale", author: 1) with { Reactions = [new StoredReaction("👍", null, 9), new StoredReaction("🎉", null, 3)] };
        List<StoredMessage> replies = [.. Enumerable.Range(2, 4).Select(a => Message(10, "je viens", hour: 11, author: (ulong)a) with { Type = 19, ReplyToMessageId = popular.Id })];
        var quiet = Message(10, "rien", author: 9);
        var started = Message(12, "Refonte ?", author: 3) with { ThreadId = 20 };
        List<StoredMessage> thread = [.. Enumerable.Range(4, 3).Select(a => Message(20, "avis", hour: 12, author: (ulong)a))];

        var digest = DigestBuilder.Build(Request([popular, .. replies, quiet, started, .. thread], Server));

        var first = digest.Highlights[0];
        Assert.Equal(popular.Id, first.Entry.Id);
        Assert.Equal(5, first.Participants);
        Assert.Equal(4, first.Replies);
        Assert.Equal(12, first.Reactions);
        Assert.Equal("12 réactions, 5 personnes, 4 réponses", DigestTexts.French.Reason(first.Reactions, first.Participants, first.Replies));
        Assert.Contains(digest.Highlights, h => h.Entry.Id == started.Id && h.Participants == 4 && h.Replies == 3);
        Assert.DoesNotContain(digest.Highlights, h => h.Entry.Id == quiet.Id);
    }

    [Fact]
    public void Figures_count_messages_members_busiest_channels_and_the_change()
    {
        var messages = new[] { Message(10, "a", author: 1), Message(10, "b", author: 2), Message(10, "c", author: 1), Message(11, "d", author: 3) };

        var figures = DigestBuilder.Build(Request(messages, Server, previous: 10)).Figures;

        Assert.Equal(4, figures.Messages);
        Assert.Equal(3, figures.ActiveMembers);
        Assert.Equal(-6, figures.Change);
        Assert.Equal(("général", 3), (figures.BusiestChannels[0].Name, figures.BusiestChannels[0].Messages));
    }

    [Fact]
    public void A_day_without_messages_is_flagged_empty()
    {
        var digest = DigestBuilder.Build(Request([Message(10, "bot") with { AuthorIsBot = true }, Message(13, "caché")], Server));

        Assert.True(digest.IsEmpty);
    }

    [Fact]
    public void Huge_messages_are_shortened_and_say_so()
    {
        var digest = DigestBuilder.Build(Request([Message(10, new string('a', 50_000))], Server));

        var entry = digest.Sections[0].Entries[0];
        Assert.True(entry.Truncated);
        Assert.True(MarkupPlainText.Render(entry.Content, Support.DigestFixtures.Markup).Length <= DigestSettings.Default.MaxMessageLength);
    }

    [Fact]
    public void Busy_days_stay_under_the_size_budget_and_say_how_many_messages_were_left_out()
    {
        List<StoredMessage> messages = [];
        foreach (var channel in new ulong[] { 10, 11, 12 })
        {
            for (var i = 0; i < 200; i++)
            {
                messages.Add(Message(channel, $"Message {i} : " + string.Concat(Enumerable.Repeat("du contenu **important** ", 12)), hour: i % 24, author: (ulong)(i % 9)));
            }
        }

        var digest = DigestBuilder.Build(Request(messages, Server, [Important(11)]));
        var rendered = DigestRenderer.Render(digest, French());

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(rendered.Html) + System.Text.Encoding.UTF8.GetByteCount(rendered.Text) < 40_000);
        Assert.All(digest.Sections, s => Assert.True(s.Omitted > 0));
        var important = digest.Sections[0];
        Assert.Equal("annonces", important.Name);
        Assert.True(important.Entries.Count > digest.Sections[1].Entries.Count);
        Assert.Contains("autres messages dans #général →", rendered.Text, StringComparison.Ordinal);
        Assert.Equal(600, digest.Figures.Messages);
    }

    [Fact]
    public void A_server_with_very_many_active_channels_stays_under_the_size_budget()
    {
        List<StoredChannel> channels = [.. Enumerable.Range(0, 120).Select(i => Channel((ulong)(1000 + i), "salon-numéro-" + i, position: i))];
        List<StoredMessage> messages = [.. channels.SelectMany(c => Enumerable.Range(0, 20).Select(i => Message(c.Id, "Un message assez long pour peser dans le budget " + i + new string('x', 300), hour: i % 24, author: (ulong)i)))];

        var digest = DigestBuilder.Build(Request(messages, channels));
        var rendered = DigestRenderer.Render(digest, French());
        var message = CoalitionBot.Digest.MailComposer.Compose(rendered, new DigestOptions { To = "liste@example.org" }, Guild, Day, Period().End);
        using var stream = new MemoryStream();
        message.WriteTo(stream, TestContext.Current.CancellationToken);

        Assert.True(stream.Length < 40_000, $"{stream.Length} bytes");
        Assert.True(digest.OtherChannels.Count + digest.OtherChannelsOmitted + digest.Sections.Count == 120);
        Assert.Equal(2400, digest.Figures.Messages);
    }

    [Fact]
    public void An_important_channel_is_kept_whole_when_it_fits()
    {
        List<StoredMessage> messages = [.. Enumerable.Range(0, 30).Select(i => Message(11, "annonce " + i, hour: i % 24))];
        messages.AddRange(Enumerable.Range(0, 30).Select(i => Message(10, "bavardage " + i, hour: i % 24)));

        var digest = DigestBuilder.Build(Request(messages, Server, [Important(11)]));

        Assert.Equal(30, digest.Sections[0].Entries.Count);
        Assert.Equal(0, digest.Sections[0].Omitted);
    }

    [Fact]
    public void Messages_from_unknown_channels_are_left_out()
    {
        var digest = DigestBuilder.Build(Request([Message(999, "d'où ?")], Server));

        Assert.True(digest.IsEmpty);
    }
}
