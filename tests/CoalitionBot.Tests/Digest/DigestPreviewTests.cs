using CoalitionBot.Digest;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Digest;

public sealed class DigestPreviewTests
{
    [Fact]
    public async Task Preview_of_the_sample_server_writes_HTML_and_text_to_the_outbox()
    {
        await using var app = DigestFixtures.App(DigestHarness.Local(new DateOnly(2026, 11, 24), 9));

        var exit = await DigestPreview.RunAsync(app.Services, ["digest", "--preview", "--sample", "--date", "2026-11-23"], TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        var outbox = Path.Combine(app.DataDirectory, "outbox");
        var html = await File.ReadAllTextAsync(Path.Combine(outbox, "preview-2026-11-23-sample.html"), TestContext.Current.CancellationToken);
        var text = await File.ReadAllTextAsync(Path.Combine(outbox, "preview-2026-11-23-sample.txt"), TestContext.Current.CancellationToken);
        Assert.Contains("Résumé du lundi 23 novembre 2026", html, StringComparison.Ordinal);
        Assert.Contains("★ #annonces", text, StringComparison.Ordinal);
        Assert.Empty(app.Transport.Sent);
    }

    [Fact]
    public async Task Preview_of_a_stored_day_reads_the_database_without_mailing()
    {
        await using var app = DigestFixtures.App(DigestHarness.Local(new DateOnly(2026, 11, 24), 9));

        var exit = await DigestPreview.RunAsync(app.Services, ["digest", "--preview"], TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "outbox", "preview-2026-11-23.txt")));
        var ledger = (DigestLedger)app.Services.GetService(typeof(DigestLedger))!;
        Assert.Null(ledger.Find(new DateOnly(2026, 11, 23)));
    }

    [Theory]
    [InlineData("digest")]
    [InlineData("digest --preview --date 23/11/2026")]
    [InlineData("digest --preview --date")]
    public async Task Preview_with_bad_arguments_says_how_to_call_it(string line)
    {
        await using var app = DigestFixtures.App(DigestHarness.Local(new DateOnly(2026, 11, 24), 9));

        var exit = await DigestPreview.RunAsync(app.Services, line.Split(' '), TestContext.Current.CancellationToken);

        Assert.Equal(2, exit);
    }
}
