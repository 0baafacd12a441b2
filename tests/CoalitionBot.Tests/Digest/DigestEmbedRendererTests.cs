using CoalitionBot.Activity;
using CoalitionBot.Digest;
using CoalitionBot.Discord.Models;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
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
    public void The_activity_report_counts_per_channel_members_reactions_and_the_change()
    {
        var channels = new[] { Channel(10, "général"), Channel(11, "annonces", position: 1) };
        var current = Request(
            [
                Message(10, "a", author: 1) with { Reactions = [new StoredReaction("👍", null, 7)] },
                Message(10, "b", author: 2),
                Message(11, "c", author: 1) with { Reactions = [new StoredReaction("🎉", null, 2)] },
            ],
            channels);
        var previous = new DigestRequest(Period(Day.AddDays(-1)), DigestFixtures.Guild, [Message(10, "x", day: Day.AddDays(-1))], channels, []);

        var report = ActivityReport.Build(ReportPeriod.Day, Day, Day, current, previous);
        var embeds = DigestEmbedRenderer.Render(report, French());

        Assert.Equal((3, 1, 2), (report.Messages, report.PreviousMessages, report.ActiveMembers));
        Assert.Equal(["général", "annonces"], report.Channels.Select(c => c.Name));
        Assert.Equal([7, 2], report.MostReacted.Select(h => h.Reactions));
        AssertWithinDiscordLimits(embeds);
        Assert.Equal("Activité d'hier", embeds[0].Title);
        Assert.Contains("+2 par rapport à la période précédente", embeds[0].Description, StringComparison.Ordinal);
        Assert.Contains("7 réactions", embeds[0].Fields![1].Value, StringComparison.Ordinal);
    }
}
