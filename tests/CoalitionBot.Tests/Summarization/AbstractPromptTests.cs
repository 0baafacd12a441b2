using CoalitionBot.Digest;
using CoalitionBot.Summarization;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Summarization;

/// The model is shown what the mail would show, and nothing else.
public sealed class AbstractPromptTests
{
    [Fact]
    public void Messages_go_in_as_numbered_lines_of_author_channel_and_text_with_their_jump_links()
    {
        var digest = DigestBuilder.Build(DigestFixtures.Request(
            [
                DigestFixtures.Message(10, "On prépare **l'action** du 8 mars.\nQui vient ?", hour: 9, name: "Awa"),
                DigestFixtures.Message(12, "Je viens !", hour: 10, name: "Lina\nB"),
            ],
            [DigestFixtures.Channel(10, "général"), DigestFixtures.Channel(12, "8 mars", parent: 10, type: 11)]));

        var prompt = AbstractPrompt.Build(digest, DigestFixtures.French(), 2_000);

        var lines = prompt.Messages.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Messages du Résumé du lundi 23 novembre 2026 (numéro, auteur·ice, salon, texte) :", lines[0]);
        Assert.Equal("[1] Awa, #général, On prépare l'action du 8 mars. Qui vient ?", lines[1]);
        Assert.Equal("[2] Lina B, #général (fil 8 mars), Je viens !", lines[2]);
        Assert.Equal([digest.Sections[0].Entries[0].JumpLink, digest.Sections[0].Threads[0].Entries[0].JumpLink], prompt.Links);
        Assert.Contains("Coalition FFJ", prompt.Instructions, StringComparison.Ordinal);
        Assert.Contains("en français", prompt.Instructions, StringComparison.Ordinal);
    }

    [Fact]
    public void Excluded_hidden_and_deleted_messages_are_not_shown_and_an_edit_shows_its_last_text()
    {
        var kept = DigestFixtures.Message(10, "Texte corrigé après modification", name: "Awa");
        var digest = DigestBuilder.Build(DigestFixtures.Request(
            [
                kept with { EditedAt = kept.Timestamp.AddMinutes(5) },
                DigestFixtures.Message(11, "Dans un salon exclu", name: "Exclu"),
                DigestFixtures.Message(13, "Dans un salon réservé au bureau", name: "Caché"),
            ],
            [DigestFixtures.Channel(10, "général"), DigestFixtures.Channel(11, "hors-sujet"), DigestFixtures.Channel(13, "bureau", everyone: false)],
            [DigestFixtures.Excluded(11)]));

        var prompt = AbstractPrompt.Build(digest, DigestFixtures.French(), 2_000);

        Assert.Single(prompt.Links);
        Assert.Contains("[1] Awa, #général, Texte corrigé après modification", prompt.Messages, StringComparison.Ordinal);
        Assert.DoesNotContain("Exclu", prompt.Messages, StringComparison.Ordinal);
        Assert.DoesNotContain("Caché", prompt.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lines_stop_at_the_token_budget()
    {
        var messages = Enumerable.Range(0, 60).Select(i => DigestFixtures.Message(10, new string('m', 150) + " " + i, hour: 8 + (i % 12), author: (ulong)i)).ToList();
        var digest = DigestBuilder.Build(DigestFixtures.Request(messages, [DigestFixtures.Channel(10, "général")]));

        var small = AbstractPrompt.Build(digest, DigestFixtures.French(), 1_000);
        var large = AbstractPrompt.Build(digest, DigestFixtures.French(), 20_000);

        Assert.True((small.Instructions.Length + small.Messages.Length) / AbstractPrompt.CharactersPerToken <= 1_000);
        Assert.InRange(small.Links.Count, 1, large.Links.Count - 1);
        Assert.Equal(small.Links.Count, small.Messages.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    [Fact]
    public void In_English_the_model_is_asked_for_English()
    {
        var digest = DigestBuilder.Build(DigestFixtures.Request([DigestFixtures.Message(10, "Hello", name: "Awa")], [DigestFixtures.Channel(10, "general")]));

        var prompt = AbstractPrompt.Build(digest, new CoalitionBot.Digest.Rendering.DigestRenderContext(DigestTexts.English, "Coalition", DigestFixtures.Brussels), 2_000);

        Assert.Contains("sentences in English", prompt.Instructions, StringComparison.Ordinal);
        Assert.Contains("[1] Awa, #general, Hello", prompt.Messages, StringComparison.Ordinal);
    }
}
