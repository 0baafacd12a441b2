using System.Globalization;
using System.Text.Json.Nodes;
using CoalitionBot.Ingestion;
using CoalitionBot.Tests.Support;
using WireMock.Matchers;
using WireMock.RequestBuilders;

namespace CoalitionBot.Tests.Interactions;

/// Many members asking for /resume at once must not make the bot hammer Discord: the whole
/// application, signed interactions, and WireMock playing both the server and the interaction webhooks.
public sealed class ResumeRushTests : IAsyncDisposable
{
    private const int Members = 50;

    private readonly GuildFake guild = new();
    private readonly SampleGuild sample;
    private readonly TestApp app;

    public ResumeRushTests()
    {
        sample = new SampleGuild(guild);
        // Said a few seconds ago: inside "since the last digest" whatever the hour the test runs.
        guild.AddMessages(sample.General, 3, guild.Now.AddSeconds(-20), sample.Camille, sample.Jules);
        guild.AddMessages(sample.Announcements, 2, guild.Now.AddSeconds(-10), sample.Jules);
        guild.Map();
        guild.Answer(Request.Create().WithPath(new WildcardMatcher($"{GuildFake.ApiPath}/webhooks/{Payloads.ApplicationId}/*/messages/@original")).UsingPatch(), _ => Edited());
        guild.Answer(Request.Create().WithPath(new WildcardMatcher($"{GuildFake.ApiPath}/webhooks/{Payloads.ApplicationId}/*")).UsingPost(), _ => Edited());
        app = new TestApp(new Dictionary<string, string?>
        {
            ["Discord:ApiBaseUrl"] = guild.BaseUrl,
            ["Discord:GuildId"] = guild.Guild.ToString(CultureInfo.InvariantCulture),
            ["Discord:BotToken"] = GuildFake.Token,
        });
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fifty_resume_within_a_second_make_at_most_one_refresh_and_every_member_gets_an_answer()
    {
        await PollAsync();
        var before = MessageReads();

        var answers = await Task.WhenAll(Enumerable.Range(0, Members).Select(i => SendAsync(Resume(member: 900_000 + (ulong)i))));
        var edits = await WaitForEditsAsync(Members);

        Assert.All(answers, a => Assert.Equal(5, (int)a["type"]!));
        Assert.Equal(Members, edits.Select(e => e.RequestMessage.Path).Distinct().Count());
        Assert.All(edits, e => Assert.Equal("Depuis le dernier résumé", (string?)JsonNode.Parse(e.RequestMessage.Body!)!["embeds"]![0]!["title"]));
        // One refresh reads each channel that spoke since the last digest once (under 100 messages each).
        var refreshReads = MessageReads() - before;
        Assert.InRange(refreshReads, 1, guild.Channels.Count(c => c.Messages.Count > 0));
        Assert.Empty(guild.UnmatchedRequests);
    }

    [Fact]
    public async Task A_member_asking_again_at_once_gets_a_polite_private_answer_in_their_language_and_no_second_read()
    {
        await PollAsync();

        var first = await SendAsync(Resume(member: 777));
        await WaitForEditsAsync(1);
        var reads = MessageReads();
        var again = await SendAsync(Resume(member: 777));
        var english = await SendAsync(Resume(member: 777, locale: "en-GB"));
        var report = await SendAsync(Resume(member: 777, command: "report"));
        var other = await SendAsync(Resume(member: 778));

        Assert.Equal(5, (int)first["type"]!);
        Assert.Equal((4, 64), ((int)again["type"]!, (int)again["data"]!["flags"]!));
        Assert.StartsWith("Un instant : vous venez de le demander. Vous pourrez recommencer dans ", (string?)again["data"]!["content"], StringComparison.Ordinal);
        Assert.StartsWith("Just a moment: you asked for this a moment ago.", (string?)english["data"]!["content"], StringComparison.Ordinal);
        Assert.Empty(english["data"]!["allowed_mentions"]!["parse"]!.AsArray());
        // The cooldown is per command and per member.
        Assert.Equal((5, 5), ((int)report["type"]!, (int)other["type"]!));
        await WaitForEditsAsync(3);
        // /resume's refresh is reused by the other member; /report reads only the database.
        Assert.Equal(reads, MessageReads());
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        guild.Dispose();
    }

    private static WireMock.ResponseMessage Edited()
    {
        var response = GuildFake.Ok(Payloads.EditedMessage());
        return response;
    }

    private JsonObject Resume(ulong member, string locale = "fr", string command = "resume")
    {
        var options = command == "report" ? Payloads.StringOption("period", "day") : null;
        var interaction = Payloads.Command(command, options, permissions: Payloads.MemberPermissions, locale: locale, guildId: guild.Guild.ToString(CultureInfo.InvariantCulture));
        var id = member.ToString(CultureInfo.InvariantCulture);
        interaction["member"]!["user"]!["id"] = id;
        // Each interaction has its own token, and so its own webhook to edit.
        interaction["token"] = $"interaction-token-{id}-{command}-{locale}";
        interaction["id"] = (1417203399112233445UL + member).ToString(CultureInfo.InvariantCulture);
        return interaction;
    }

    private Task<JsonNode> SendAsync(JsonObject interaction) => CommandTests.SendAsync(app, interaction);

    private async Task PollAsync()
    {
        var summary = await app.Get<Poller>().PollAsync(Token);
        Assert.Equal(PollOutcomes.Completed, summary.Outcome);
    }

    private int MessageReads() =>
        guild.Requests.Count(e => e.RequestMessage.Method == "GET" && e.RequestMessage.Path.EndsWith("/messages", StringComparison.Ordinal));

    /// The edits arrive in the background: wait for them, with a bound.
    private async Task<IReadOnlyList<WireMock.Logging.ILogEntry>> WaitForEditsAsync(int count)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            var edits = guild.Server.LogEntries.Where(e => e.RequestMessage.Method == "PATCH").ToList();
            if (edits.Count >= count)
            {
                return edits;
            }

            await Task.Delay(25, timeout.Token);
        }
    }
}
