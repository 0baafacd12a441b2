using CoalitionBot.Activity;
using CoalitionBot.Digest;
using CoalitionBot.Discord.Models;
using CoalitionBot.Storage;
using static CoalitionBot.Tests.Support.DigestFixtures;

namespace CoalitionBot.Tests.Digest;

public sealed class DigestEmbedRendererTests
{
    private static void AssertWithinDiscordLimits(IReadOnlyList<Embed> embeds)
    {
        Assert.InRange(embeds.Count, 1, 10);
        var total = 0;
        foreach (var embed in embeds)
        {
            Assert.True((embed.Title?.Length ?? 0) <= 256);
            Assert.True((embed.Description?.Length ?? 0) <= 4096);
            Assert.True((embed.Fields?.Count ?? 0) <= 25);
            Assert.True((embed.Footer?.Text.Length ?? 0) <= 2048);
            Assert.All(embed.Fields ?? [], f => Assert.True(f.Name.Length <= 256 && f.Value.Length <= 1024 && f.Value.Length > 0));
            total += (embed.Title?.Length ?? 0) + (embed.Description?.Length ?? 0) + (embed.Footer?.Text.Length ?? 0)
                + (embed.Fields ?? []).Sum(f => f.Name.Length + f.Value.Length);
        }

        Assert.True(total <= 6000, $"{total} characters");
    }

    [Fact]
    public void The_sample_day_fits_in_embeds_with_highlights_and_sections()
    {
        var embeds = DigestEmbedRenderer.Render(Sample(), French(), "Depuis le dernier résumé", "rien");

        AssertWithinDiscordLimits(embeds);
        Assert.Equal("Depuis le dernier résumé", embeds[0].Title);
        Assert.Contains("**À la une**", embeds[0].Description, StringComparison.Ordinal);
        Assert.Contains(embeds.SelectMany(e => e.Fields ?? []), f => f.Name == "★ #annonces");
        Assert.Contains(embeds.SelectMany(e => e.Fields ?? []), f => f.Value.Contains("↳ ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_huge_day_is_cut_to_Discord_limits_and_says_what_is_left()
    {
        List<StoredChannel> channels = [.. Enumerable.Range(0, 60).Select(i => Channel((ulong)(100 + i), "salon-" + new string('x', 200) + i, position: i))];
        List<StoredMessage> messages = [.. channels.SelectMany(c => Enumerable.Range(0, 30).Select(i => Message(c.Id, "**long** " + new string('é', 3000), hour: i % 24, author: (ulong)i)))];

        var digest = DigestBuilder.Build(Request(messages, channels) with { Settings = new DigestSettings(SizeBudget: 1_000_000) });
        var embeds = DigestEmbedRenderer.Render(digest, French(), "Titre", "rien");

        AssertWithinDiscordLimits(embeds);
        Assert.Contains("autres salons sur Discord", embeds[^1].Footer!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_day_for_resume_goes_on_over_follow_up_messages_each_within_limits()
    {
        List<StoredChannel> channels = [.. Enumerable.Range(0, 12).Select(i => Channel((ulong)(100 + i), "salon-" + i, position: i))];
        List<StoredMessage> messages = [.. channels.SelectMany(c => Enumerable.Range(0, 30).Select(i => Message(c.Id, "message " + new string('é', 300), hour: i % 24, author: (ulong)i)))];
        var digest = DigestBuilder.Build(Request(messages, channels) with { Settings = new DigestSettings(SizeBudget: 1_000_000) });

        var single = DigestEmbedRenderer.Render(digest, French(), "Titre", "rien");
        var messagesOut = DigestEmbedRenderer.RenderMessages(digest, French(), "Titre", "rien", EmbedBudget.MaxMessages);

        Assert.InRange(messagesOut.Count, 2, EmbedBudget.MaxMessages);
        Assert.All(messagesOut, AssertWithinDiscordLimits);
        var sections = messagesOut.SelectMany(m => m).SelectMany(e => e.Fields ?? []).Select(f => f.Name).ToList();
        Assert.Equal(channels.Select(c => "#" + c.Name).Order(), sections.Order());
        Assert.Null(messagesOut[^1][^1].Footer);
        Assert.True(single.SelectMany(e => e.Fields ?? []).Count() < sections.Count, "one message cannot hold all of it");
    }

    [Fact]
    public void Member_text_cannot_form_mentions_or_links_in_embeds()
    {
        var digest = DigestBuilder.Build(Request([Message(10, "@everyone [piège](https://evil.example) <@&1>")], [Channel(10, "général")]));

        var embeds = DigestEmbedRenderer.Render(digest, French(), "Titre", "rien");

        var value = Assert.Single(embeds.SelectMany(e => e.Fields ?? [])).Value;
        Assert.Contains("\\@everyone piège", value, StringComparison.Ordinal);
        Assert.DoesNotContain("[piège](", value, StringComparison.Ordinal);
        Assert.DoesNotContain("<@&1>", value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_masked_link_in_a_message_shows_its_real_host_in_embeds()
    {
        var digest = DigestBuilder.Build(Request([Message(10, "Votre [compte bancaire](https://paypal.com@evil.example/login) expire")], [Channel(10, "général")]));

        var embeds = DigestEmbedRenderer.Render(digest, French(), "Titre", "rien");

        var value = Assert.Single(embeds.SelectMany(e => e.Fields ?? [])).Value;
        Assert.Contains("Votre compte bancaire (evil.example) expire", value, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_period_says_nothing_is_new()
    {
        var embeds = DigestEmbedRenderer.Render(DigestBuilder.Build(Request([], [])), French(), "Depuis le dernier résumé", "Rien de nouveau depuis le dernier résumé.");

        Assert.Equal("Rien de nouveau depuis le dernier résumé.", Assert.Single(embeds).Description);
    }

    [Fact]
    public void The_activity_report_counts_per_channel_members_and_the_change_from_the_aggregates()
    {
        var names = new Dictionary<ulong, string> { [10] = "général", [11] = "annonces" };
        DayActivity[] days = [new() { Id = Day.DayNumber, Messages = 3, ActiveMembers = 2, Reactions = 9 }];
        ChannelDayActivity[] channels =
        [
            new() { Id = ChannelDayActivity.Key(Day, 10), DayNumber = Day.DayNumber, ChannelId = 10, Messages = 2, Authors = 2 },
            new() { Id = ChannelDayActivity.Key(Day, 11), DayNumber = Day.DayNumber, ChannelId = 11, Messages = 1, Authors = 1 },
        ];
        DayActivity[] previous = [new() { Id = Day.AddDays(-1).DayNumber, Messages = 1, ActiveMembers = 1 }];
        var reacted = DigestBuilder.Build(Request([Message(10, "a", author: 1) with { Reactions = [new StoredReaction("👍", null, 7)] }], [Channel(10, "général")])).Highlights;

        var report = ActivityReport.Build(ReportPeriod.Day, Day, days, channels, previous, Day.AddDays(-1), id => (names[id], "https://discord.com/channels/1/" + id), reacted);
        var embeds = DigestEmbedRenderer.Render(report, French());

        Assert.Equal((3, 1, 2), (report.Messages, report.PreviousMessages, report.ActiveMembers));
        Assert.Equal(["général", "annonces"], report.Channels.Select(c => c.Name));
        AssertWithinDiscordLimits(embeds);
        Assert.Equal("Activité d'hier", embeds[0].Title);
        Assert.StartsWith("**3 messages** (+2 par rapport à la période précédente) · 2 membres actifs", embeds[0].Description, StringComparison.Ordinal);
        Assert.Contains("7 réactions", embeds[0].Fields![1].Value, StringComparison.Ordinal);
        Assert.Null(embeds[0].Image);
    }

    [Fact]
    public void A_year_report_lists_its_months_and_shows_the_attached_chart_and_says_when_the_period_before_was_only_partly_read()
    {
        var last = new DateOnly(2026, 11, 30);
        var days = Enumerable.Range(0, 200).Select(i => new DayActivity { Id = last.AddDays(-i).DayNumber, Messages = 2, ActiveMembers = 1 }).ToList();

        var report = ActivityReport.Build(ReportPeriod.Year, last, days, [], [], new DateOnly(2025, 6, 1), id => ("?", ""), []);
        var embeds = DigestEmbedRenderer.Render(report, French(), ActivityChart.FileName);

        Assert.Equal((new DateOnly(2025, 12, 1), last), (report.From, report.To));
        Assert.Equal(12, report.Buckets.Count);
        Assert.Equal(400, report.Messages);
        Assert.Null(report.PreviousMessages);
        Assert.Equal("Activité des 12 derniers mois", embeds[0].Title);
        Assert.Contains("pas de comparaison : le bot ne lit le serveur que depuis le dimanche 1 juin 2025", embeds[0].Description, StringComparison.Ordinal);
        Assert.Equal("attachment://activity.png", embeds[0].Image!.Url);
        var months = embeds[0].Fields![0];
        Assert.Equal("Messages par mois", months.Name);
        Assert.StartsWith("déc. 2025 — –\n", months.Value, StringComparison.Ordinal);
        Assert.EndsWith("nov. 2026 — 60", months.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(embeds[0].Fields!, f => f.Name == "Messages les plus réactifs");
    }
}
