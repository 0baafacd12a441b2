using System.Text.Json;
using CoalitionBot.Digest;
using CoalitionBot.Discord.Models;
using CoalitionBot.Interactions;
using CoalitionBot.Interactions.Commands;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Digest;

public sealed class ActivityCommandsTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static CommandContext Context(string name, InteractionTexts texts, params InteractionOption[] options) =>
        new(new Interaction(1, 2, InteractionType.ApplicationCommand, "token", new InteractionData(name, Options: options), GuildId: 42), 42, texts);

    private static InteractionOption Option(string name, int type, string json) => new(name, type, JsonDocument.Parse(json).RootElement.Clone());

    [Fact]
    public async Task Resume_answers_later_and_privately_with_what_happened_since_the_last_digest()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Monday.AddDays(1), 15));
        harness.AddMessages(Monday, 4);
        harness.AddMessages(Monday.AddDays(1), 3);
        harness.Ledger.Save(new DigestRecord { Id = "2026-11-23", State = DigestState.Sent });
        var command = new ResumeCommand(harness.Activity(), harness.Abstracts, harness.Locale, harness.ServerName, harness.Settings);

        var reply = await command.ExecuteAsync(Context(CommandCatalog.Resume, InteractionTexts.French), TestContext.Current.CancellationToken);
        var edit = (await reply.Deferred!(TestContext.Current.CancellationToken)).Original;

        Assert.True(reply.Ephemeral);
        Assert.Equal("Depuis le dernier résumé", edit.Embeds![0].Title);
        Assert.StartsWith("3 messages", edit.Embeds[0].Description, StringComparison.Ordinal);
        Assert.Equal([], edit.AllowedMentions!.Parse);
    }

    [Fact]
    public async Task Resume_can_be_posted_publicly_and_in_English()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Monday.AddDays(1), 15));
        var command = new ResumeCommand(harness.Activity(), harness.Abstracts, harness.Locale, harness.ServerName, harness.Settings);

        var reply = await command.ExecuteAsync(Context(CommandCatalog.Resume, InteractionTexts.English, Option(CommandCatalog.PublicOption, 5, "true")), TestContext.Current.CancellationToken);
        var edit = (await reply.Deferred!(TestContext.Current.CancellationToken)).Original;

        Assert.False(reply.Ephemeral);
        Assert.Equal("Nothing new since the last digest.", edit.Embeds![0].Description);
    }

    [Fact]
    public async Task Resume_with_nothing_new_says_when_the_last_digest_went_out_and_shows_its_highlights()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Monday.AddDays(1), 15));
        harness.Messages.Upsert(
        [
            DigestFixtures.Message(10, "Audience fixée au 12 janvier", hour: 10, author: 1, day: Monday) with { Reactions = [new StoredReaction("👍", null, 6)] },
            DigestFixtures.Message(10, "merci", hour: 11, author: 2, day: Monday),
        ]);
        harness.Ledger.Save(new DigestRecord { Id = "2026-11-23", State = DigestState.Sent, SentAt = DigestHarness.Local(Monday.AddDays(1), 7, 2) });
        var command = new ResumeCommand(harness.Activity(), harness.Abstracts, harness.Locale, harness.ServerName, harness.Settings);

        var reply = await command.ExecuteAsync(Context(CommandCatalog.Resume, InteractionTexts.French), TestContext.Current.CancellationToken);
        var edit = (await reply.Deferred!(TestContext.Current.CancellationToken)).Original;

        var description = Assert.Single(edit.Embeds!).Description!;
        Assert.StartsWith("Rien de nouveau depuis le dernier résumé, envoyé le mardi 24 novembre 2026 à 07:02.", description, StringComparison.Ordinal);
        Assert.Contains("**À la une**\n• [Audience fixée au 12 janvier](https://discord.com/channels/", description, StringComparison.Ordinal);
        Assert.Contains("6 réactions", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_counts_the_chosen_period()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Monday.AddDays(1), 15));
        harness.AddMessages(Monday, 5);
        harness.AddMessages(Monday.AddDays(-3), 2);
        var command = new ReportCommand(harness.Reports(), harness.Locale, harness.ServerName);

        var reply = await command.ExecuteAsync(Context(CommandCatalog.Report, InteractionTexts.French, Option(CommandCatalog.PeriodOption, 3, "\"week\"")), TestContext.Current.CancellationToken);
        var edit = (await reply.Deferred!(TestContext.Current.CancellationToken)).Original;

        Assert.Equal("Activité des 7 derniers jours", edit.Embeds![0].Title);
        Assert.StartsWith("**7 messages**", edit.Embeds[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_and_report_are_defined_once_with_French_and_English_texts()
    {
        var resume = Assert.Single(CommandCatalog.All, c => c.Name == CommandCatalog.Resume);
        var report = Assert.Single(CommandCatalog.All, c => c.Name == CommandCatalog.Report);

        Assert.All(new[] { resume, report }, c => Assert.Equal(["fr", "en-US", "en-GB"], c.DescriptionLocalizations!.Keys));
        Assert.Equal("rapport", report.NameLocalizations!["fr"]);
        Assert.Equal(["day", "week", "month", "year"], report.Options![0].Choices!.Select(c => c.Value));
    }
}
