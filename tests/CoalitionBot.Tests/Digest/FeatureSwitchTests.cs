using CoalitionBot.Interactions;
using CoalitionBot.Interactions.Commands;
using CoalitionBot.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CoalitionBot.Tests.Digest;

/// The moderators' switches, stored in LiteDB, take effect at the next scheduled run.
public sealed class FeatureSwitchTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_the_daily_mail_off_scheduled_runs_mail_nothing()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Monday.AddDays(1), 8));
        harness.AddMessages(Monday, 5);
        harness.Settings.Update(s => s with { DailyMail = false });
        var transport = new RecordingTransport();
        using var service = harness.Service(transport);

        var sent = await service.RunDueAsync(Token);

        Assert.Equal(0, sent);
        Assert.Empty(transport.Sent);
        Assert.Null(harness.Ledger.Find(Monday));
    }

    [Fact]
    public async Task Days_that_fell_due_while_the_mail_was_off_are_not_caught_up_when_it_comes_back()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Monday.AddDays(2), 12));
        harness.AddMessages(Monday, 5);
        harness.AddMessages(Monday.AddDays(1), 4);
        // Switched back on on Wednesday at noon: Monday's and Tuesday's digests fell due before.
        harness.Settings.Update(s => s with { DailyMail = true, DailyMailOnSince = DigestHarness.Local(Monday.AddDays(2), 12) });
        var transport = new RecordingTransport();
        using var service = harness.Service(transport);

        var sent = await service.RunDueAsync(Token);
        harness.Time.Advance(TimeSpan.FromDays(1));
        harness.AddMessages(Monday.AddDays(2), 3);
        var next = await service.RunDueAsync(Token);

        Assert.Equal(0, sent);
        Assert.Equal(1, next);
        Assert.Contains("mercredi 25 novembre 2026", Assert.Single(transport.Sent).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void The_weekly_synthesis_follows_the_configuration_until_a_moderator_sets_the_switch()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Monday.AddDays(7), 12));
        harness.Options.WeeklyDigest = true;

        var configured = harness.Settings.Switches().WeeklySynthesis;
        harness.Settings.Update(s => s with { WeeklySynthesis = false });
        var switchedOff = harness.Settings.Switches().WeeklySynthesis;

        Assert.True(configured);
        Assert.False(switchedOff);
    }

    [Fact]
    public async Task A_sent_digest_pushes_to_uptime_kuma()
    {
        using var kuma = WireMockServer.Start();
        kuma.Given(Request.Create().WithPath("/api/push/t0ken").UsingGet()).RespondWith(Response.Create().WithStatusCode(200));
        using var harness = new DigestHarness(DigestHarness.Local(Monday.AddDays(1), 8)) { PushUrl = kuma.Url + "/api/push/t0ken?status=up&msg=OK&ping=" };
        harness.AddMessages(Monday, 5);
        using var service = harness.Service(new RecordingTransport());

        await service.SendDayAsync(Monday, resend: false, Token);

        var push = Assert.Single(kuma.LogEntries).RequestMessage;
        Assert.Equal("digest 2026-11-23: 5 messages", push.Query!["msg"].Single());
    }

    [Fact]
    public async Task With_summaries_off_resume_explains_and_reads_nothing()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Monday.AddDays(1), 15));
        harness.Settings.Update(s => s with { Summaries = false });
        var command = new ResumeCommand(harness.Activity(), harness.Abstracts, harness.Locale, harness.ServerName, harness.Settings);
        var context = new CommandContext(
            new CoalitionBot.Discord.Models.Interaction(1, 2, CoalitionBot.Discord.Models.InteractionType.ApplicationCommand, "token", new CoalitionBot.Discord.Models.InteractionData(CommandCatalog.Resume), GuildId: 42),
            42,
            InteractionTexts.French);

        var reply = await command.ExecuteAsync(context, Token);

        Assert.Null(reply.Deferred);
        Assert.Contains("désactivés par les modérateurs", reply.Immediate!.Content, StringComparison.Ordinal);
    }
}
