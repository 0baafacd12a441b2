using CoalitionBot.Storage;
using CoalitionBot.Tests.Interactions;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Storage;

public sealed class SeedImporterTests
{
    [Fact]
    public async Task The_previous_bots_lists_are_imported_when_the_database_is_created()
    {
        var data = Directory.CreateTempSubdirectory("coalitionbot-seed-").FullName;
        await File.WriteAllLinesAsync(Path.Combine(data, "excluded_channels.txt"),
        [
            "// salons exclus par l'ancien bot",
            "",
            "1300000000000000202",
            "  #Bavardages  ",
            "// 1300000000000000999",
        ], TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(Path.Combine(data, "important_channels.txt"), ["annonces", "1300000000000000205"], TestContext.Current.CancellationToken);

        await using var app = new TestApp(dataDirectory: data);
        var lists = app.Get<ChannelListStore>();

        Assert.Equal(["1300000000000000202", "Bavardages"], lists.Excluded().Select(e => e.Label).Order());
        Assert.Equal(["1300000000000000205", "annonces"], lists.Important().Select(e => e.Label).Order());
        Assert.All(lists.All(), e => Assert.Equal("import", e.ChangedBy));
        Assert.Contains(app.Logs.Lines, l => l.Message.StartsWith("Imported 2 channel entries from", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_imported_name_gets_its_id_once_the_server_is_known_and_can_then_be_included()
    {
        var data = Directory.CreateTempSubdirectory("coalitionbot-seed-").FullName;
        await File.WriteAllTextAsync(Path.Combine(data, "excluded_channels.txt"), "Bavardages\n", TestContext.Current.CancellationToken);
        await using var app = new TestApp(dataDirectory: data);
        var lists = app.Get<ChannelListStore>();

        lists.Reconcile([(1300000000000000209UL, "bavardages")]);
        var answer = await CommandTests.SendAsync(app, Payloads.Autocomplete("include", "channel", "bav"));

        Assert.True(lists.IsExcluded(1300000000000000209UL));
        Assert.Equal("1300000000000000209", (string)answer["data"]!["choices"]![0]!["value"]!);
    }

    [Fact]
    public async Task The_lists_are_not_imported_again_into_an_existing_database()
    {
        await using var app = new TestApp();
        await CommandTests.ExcludeAsync(app, "1300000000000000201", "general");
        await File.WriteAllTextAsync(Path.Combine(app.DataDirectory, "excluded_channels.txt"), "1300000000000000202\n", TestContext.Current.CancellationToken);

        await app.RestartAsync();

        Assert.Equal([1300000000000000201UL], app.Get<ChannelListStore>().Excluded().Select(e => e.ChannelId!.Value));
    }

    [Fact]
    public void Seed_lines_skip_blanks_and_comments()
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, ["  ", "// comment", "a", " b ", "//c"]);

        Assert.Equal(["a", "b"], SeedImporter.ReadEntries(file));
        File.Delete(file);
    }

    [Fact]
    public void Folding_ignores_case_and_accents()
    {
        Assert.Equal(ChannelListStore.Fold("Événements"), ChannelListStore.Fold("evenements"));
        Assert.NotEqual(ChannelListStore.Fold("annonces"), ChannelListStore.Fold("annonce"));
    }
}
