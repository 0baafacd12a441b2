using System.Text.Json.Nodes;
using CoalitionBot.Discord.Models;
using CoalitionBot.Interactions;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CoalitionBot.Tests.Interactions;

public sealed class DeferredResponsesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string EditPath => $"{GuildFake.ApiPath}/webhooks/{Payloads.ApplicationId}/*/messages/@original";

    [Fact]
    public async Task A_deferred_command_that_fails_edits_its_answer_into_an_apology()
    {
        await using var app = new TestApp(configureServices: services => services.AddSingleton<ISlashCommand, SlowFailingCommand>());
        app.Discord.StubEditOriginal();

        var answer = await CommandTests.SendAsync(app, Payloads.Command("slow-boom"));

        Assert.Equal(5, (int)answer["type"]!);
        var edit = await app.Discord.WaitForRequestAsync(e => e.RequestMessage.Method == "PATCH", Token);
        Assert.Contains("Quelque chose s'est mal passé", (string)JsonNode.Parse(edit.RequestMessage.Body!)!["content"]!, StringComparison.Ordinal);
        Assert.Contains(app.Logs.Lines, l => l.Message == "Command /slow-boom failed; the member was told something went wrong");
    }

    [Fact]
    public async Task An_edit_that_races_the_deferral_is_retried_after_unknown_webhook()
    {
        await using var app = new TestApp(configureServices: services => services.AddSingleton<ISlashCommand, SlowCommand>());
        app.Discord.Server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher(EditPath)).UsingPatch())
            .InScenario("race").WillSetStateTo("processed")
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/json").WithBody("""{"message": "Unknown Webhook", "code": 10015}"""));
        app.Discord.Server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher(EditPath)).UsingPatch())
            .InScenario("race").WhenStateIs("processed")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"id":"1"}"""));

        await CommandTests.SendAsync(app, Payloads.Command("slow"));
        await app.Discord.WaitForRequestAsync(e => e.RequestMessage.Method == "PATCH" && e.ResponseMessage.StatusCode is 200, Token);

        var edits = app.Discord.Requests.Where(e => e.RequestMessage.Method == "PATCH").ToList();
        Assert.Equal(2, edits.Count);
        Assert.Equal("done", (string)JsonNode.Parse(edits[1].RequestMessage.Body!)!["content"]!);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Message.StartsWith("The deferred answer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_answer_too_long_for_one_message_continues_in_private_follow_ups_after_the_edit()
    {
        await using var app = new TestApp(configureServices: services => services.AddSingleton<ISlashCommand, LongCommand>());
        app.Discord.StubEditOriginal();
        app.Discord.StubFollowUp();

        await CommandTests.SendAsync(app, Payloads.Command("long"));
        await app.Discord.WaitForRequestAsync(e => e.RequestMessage.Method == "POST" && e.RequestMessage.Body!.Contains("part 3", StringComparison.Ordinal), Token);

        var calls = app.Discord.Requests.Select(e => e.RequestMessage).Where(r => r.Method is "PATCH" or "POST").ToList();
        Assert.Equal(["PATCH", "POST", "POST"], calls.Select(c => c.Method));
        var schema = OpenApiSchemas.RequestBody("/webhooks/{webhook_id}/{webhook_token}", "post");
        foreach (var followUp in calls.Skip(1))
        {
            OpenApiSchemas.AssertValid(schema, followUp.Body!, "follow-up message");
            Assert.Equal(64, (int)JsonNode.Parse(followUp.Body!)!["flags"]!);
            Assert.Empty(JsonNode.Parse(followUp.Body!)!["allowed_mentions"]!["parse"]!.AsArray());
        }

        Assert.Equal(["part 2", "part 3"], calls.Skip(1).Select(c => (string)JsonNode.Parse(c.Body!)!["embeds"]![0]!["title"]!));
        app.Discord.AssertNoUnexpectedRequests();
    }

    [Fact]
    public async Task A_dismissed_answer_is_not_retried_and_is_logged_once()
    {
        await using var app = new TestApp(configureServices: services => services.AddSingleton<ISlashCommand, SlowCommand>());
        app.Discord.Server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher(EditPath)).UsingPatch())
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/json").WithBody("""{"message": "Unknown Message", "code": 10008}"""));

        await CommandTests.SendAsync(app, Payloads.Command("slow"));
        await app.Discord.WaitForRequestAsync(e => e.RequestMessage.Method == "PATCH", Token);
        await WaitForLogAsync(app, "The deferred answer of /slow could not be delivered");

        Assert.Single(app.Discord.Requests, e => e.RequestMessage.Method == "PATCH");
    }

    [Fact]
    public async Task Channels_still_answers_when_discord_cannot_list_the_channels()
    {
        await using var app = new TestApp();
        app.Discord.Server.Given(Request.Create().WithPath($"{GuildFake.ApiPath}/guilds/{Payloads.GuildId}/channels").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(403).WithHeader("Content-Type", "application/json").WithBody("""{"message": "Missing Access", "code": 50001}"""));
        app.Discord.StubEditOriginal();

        await CommandTests.SendAsync(app, Payloads.Command("channels"));
        var edit = await app.Discord.WaitForRequestAsync(e => e.RequestMessage.Method == "PATCH", Token);

        var content = (string)JsonNode.Parse(edit.RequestMessage.Body!)!["content"]!;
        Assert.Contains("Salons non envoyés (0)", content, StringComparison.Ordinal);
        Assert.Contains("n'est pas disponible", content, StringComparison.Ordinal);
        Assert.Contains(app.Logs.Lines, l => l.Message.StartsWith("The server's channel list could not be read from Discord: Discord answered 403 (50001", StringComparison.Ordinal));
        app.Discord.AssertNoUnexpectedRequests();
    }

    [Fact]
    public async Task Deferred_commands_run_a_few_at_a_time_and_past_a_full_queue_members_are_asked_to_try_again()
    {
        var held = new HeldWork();
        await using var app = new TestApp(configureServices: services =>
        {
            services.AddSingleton(held);
            services.AddSingleton<ISlashCommand, HeldCommand>();
        });
        app.Discord.StubEditOriginal();
        var deferred = app.Get<DeferredResponses>();

        var answers = new List<JsonNode>();
        // Four run, one is taken off the queue to wait for a free slot, the rest fill the queue.
        for (var sent = 0; sent <= DeferredResponses.MaxRunning + DeferredResponses.QueueCapacity && deferred.Waiting < DeferredResponses.QueueCapacity; sent++)
        {
            answers.Add(await CommandTests.SendAsync(app, Payloads.Command("held")));
            await HeldWork.WaitUntilAsync(() => held.Started >= Math.Min(answers.Count, DeferredResponses.MaxRunning), Token);
        }

        var busy = await CommandTests.SendAsync(app, Payloads.Command("held", locale: "en-US"));
        var runningWhileFull = held.Running;
        held.Release.SetResult();
        await app.Discord.WaitForRequestAsync(_ => app.Discord.Requests.Count(e => e.RequestMessage.Method == "PATCH") >= answers.Count, Token);

        Assert.All(answers, a => Assert.Equal(5, (int)a["type"]!));
        Assert.Equal((4, 64), ((int)busy["type"]!, (int)busy["data"]!["flags"]!));
        Assert.Equal("The bot is handling many requests right now. Please try again in a minute.", (string?)busy["data"]!["content"]);
        // However many wait, four run at once.
        Assert.Equal((4, 4), (runningWhileFull, held.MostAtOnce));
        Assert.Equal(answers.Count, app.Discord.Requests.Count(e => e.RequestMessage.Method == "PATCH"));
    }

    private static async Task WaitForLogAsync(TestApp app, string start)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        while (!app.Logs.Lines.Any(l => l.Message.StartsWith(start, StringComparison.Ordinal)))
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private sealed class SlowCommand : ISlashCommand
    {
        public string Name => "slow";

        public ValueTask<CommandReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(CommandReply.Later(_ => Task.FromResult(CommandReply.Edit("done"))));
    }

    private sealed class LongCommand : ISlashCommand
    {
        public string Name => "long";

        public ValueTask<CommandReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(CommandReply.Later(_ => Task.FromResult(new DeferredAnswer(
                new WebhookMessageEdit(Embeds: [new Embed(Title: "part 1")], AllowedMentions: AllowedMentions.None),
                [
                    new WebhookMessageCreate(Embeds: [new Embed(Title: "part 2")], AllowedMentions: AllowedMentions.None),
                    new WebhookMessageCreate(Embeds: [new Embed(Title: "part 3")], AllowedMentions: AllowedMentions.None),
                ]))));
    }

    private sealed class SlowFailingCommand : ISlashCommand
    {
        public string Name => "slow-boom";

        public ValueTask<CommandReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(CommandReply.Later(new Func<CancellationToken, Task<WebhookMessageEdit>>(_ => throw new InvalidOperationException("deferred failure"))));
    }

    /// Counts how many held commands run at once, and keeps them running until released.
    private sealed class HeldWork
    {
        private int running;
        private int started;
        private int mostAtOnce;

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Running => Volatile.Read(ref running);

        public int Started => Volatile.Read(ref started);

        public int MostAtOnce => Volatile.Read(ref mostAtOnce);

        public async Task<WebhookMessageEdit> RunAsync(CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref running);
            Interlocked.Increment(ref started);
            InterlockedMax(ref mostAtOnce, now);
            try
            {
                await Release.Task.WaitAsync(cancellationToken);
                return CommandReply.Edit("done");
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }

        public static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            while (!condition())
            {
                await Task.Delay(5, timeout.Token);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }

    private sealed class HeldCommand(HeldWork work) : ISlashCommand
    {
        public string Name => "held";

        public ValueTask<CommandReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(CommandReply.Later(work.RunAsync));
    }
}
