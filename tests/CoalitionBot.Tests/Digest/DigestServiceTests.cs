using CoalitionBot.Digest;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Digest;

public sealed class DigestServiceTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateOnly Tuesday = Monday.AddDays(1);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_day_is_mailed_once_however_often_it_is_asked_for()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Tuesday, 8));
        harness.AddMessages(Monday, 5);
        var transport = new RecordingTransport();
        using var service = harness.Service(transport);

        var first = await service.SendDayAsync(Monday, resend: false, Token);
        var second = await service.SendDayAsync(Monday, resend: false, Token);
        var due = await service.RunDueAsync(Token);

        Assert.Equal(DigestOutcome.Sent, first.Outcome);
        Assert.Equal(DigestOutcome.AlreadySent, second.Outcome);
        Assert.Equal(0, due);
        var mail = Assert.Single(transport.Sent);
        Assert.Equal("digest-2026-11-23.42@coalitionbot", mail.MessageId);
        Assert.Equal("[Coalition FFJ] Résumé du lundi 23 novembre 2026 — 5 messages", mail.Subject);
        var record = harness.Ledger.Find(Monday)!;
        Assert.Equal(DigestState.Sent, record.State);
        Assert.Equal(1, record.Attempts);
        Assert.Contains("message 0 du 23/11", record.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_configured_name_the_digest_carries_the_servers_name_on_Discord()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Tuesday, 8));
        harness.AddMessages(Monday, 2);
        harness.Options.ServerName = "";
        using var service = harness.Service(new RecordingTransport());

        Assert.StartsWith("[Discord] ", service.Render(Monday).Rendered.Subject, StringComparison.Ordinal);

        new CoalitionBot.Storage.CursorStore(harness.Files.Database, harness.Time).SetServerName("Collectif <b>FFJ</b>");
        var rendered = service.Render(Monday).Rendered;
        Assert.StartsWith("[Collectif <b>FFJ</b>] ", rendered.Subject, StringComparison.Ordinal);
        Assert.Contains("Collectif &lt;b&gt;FFJ&lt;/b&gt;", rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>FFJ", rendered.Html, StringComparison.Ordinal);

        harness.Options.ServerName = "Coalition FFJ";
        Assert.StartsWith("[Coalition FFJ] ", service.Render(Monday).Rendered.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_triggers_at_once_produce_one_mail()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Tuesday, 8));
        harness.AddMessages(Monday, 3);
        var release = new TaskCompletionSource();
        var transport = new RecordingTransport { Gate = release.Task };
        using var service = harness.Service(transport);

        var scheduled = service.RunDueAsync(Token);
        await transport.SendStarted.Task.WaitAsync(Token);
        var admin = service.SendDayAsync(Monday, resend: false, Token);
        var third = service.SendDayAsync(Monday, resend: false, Token);
        release.SetResult();
        await Task.WhenAll(scheduled, admin, third);

        Assert.Single(transport.Sent);
        Assert.Equal(DigestOutcome.AlreadySent, (await admin).Outcome);
        Assert.Equal(DigestOutcome.AlreadySent, (await third).Outcome);
    }

    [Fact]
    public async Task A_failed_send_stays_pending_and_is_retried_after_a_backoff_exactly_once()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Tuesday, 7));
        harness.AddMessages(Monday, 4);
        var transport = new RecordingTransport { FailuresLeft = 1 };
        using var service = harness.Service(transport);

        await service.RunDueAsync(Token);
        var pending = harness.Ledger.Find(Monday)!;
        await service.RunDueAsync(Token);
        harness.Time.Advance(DigestRecord.Backoff(1));
        var retried = await service.RunDueAsync(Token);
        await service.RunDueAsync(Token);

        Assert.Equal(DigestState.Pending, pending.State);
        Assert.Equal(1, pending.Attempts);
        Assert.Contains("Connection refused", pending.LastError, StringComparison.Ordinal);
        Assert.Equal(1, retried);
        Assert.Single(transport.Sent);
        var sent = harness.Ledger.Find(Monday)!;
        Assert.Equal(DigestState.Sent, sent.State);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.LastError);
    }

    [Fact]
    public async Task Retries_back_off_and_give_up_after_the_last_attempt()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Tuesday, 7));
        harness.AddMessages(Monday, 1);
        var transport = new RecordingTransport { FailuresLeft = int.MaxValue };
        using var service = harness.Service(transport);

        for (var attempt = 1; attempt <= DigestRecord.MaxAttempts; attempt++)
        {
            await service.RunDueAsync(Token);
            harness.Time.Advance(DigestRecord.Backoff(attempt));
        }

        await service.RunDueAsync(Token);

        var record = harness.Ledger.Find(Monday)!;
        Assert.Equal(DigestState.Failed, record.State);
        Assert.Equal(DigestRecord.MaxAttempts, record.Attempts);
        Assert.Equal(TimeSpan.FromMinutes(5), DigestRecord.Backoff(1));
        Assert.Equal(TimeSpan.FromMinutes(60), DigestRecord.Backoff(10));
    }

    [Fact]
    public async Task A_restart_between_building_and_sending_mails_the_day_once_after_the_restart()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Tuesday, 7));
        harness.AddMessages(Monday, 2);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var hanging = new RecordingTransport { HangUntilCancelled = true };
        var firstProcess = harness.Service(hanging);

        var interrupted = firstProcess.SendDayAsync(Monday, resend: false, stopping.Token);
        await hanging.SendStarted.Task.WaitAsync(Token);
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => interrupted);
        firstProcess.Dispose();
        var built = harness.Ledger.Find(Monday)!;
        harness.Restart();
        var transport = new RecordingTransport();
        using var secondProcess = harness.Service(transport);
        await secondProcess.RunDueAsync(Token);
        await secondProcess.RunDueAsync(Token);

        Assert.Equal(DigestState.Pending, built.State);
        Assert.NotEmpty(built.Html);
        Assert.Empty(hanging.Sent);
        Assert.Single(transport.Sent);
        Assert.Equal(DigestState.Sent, harness.Ledger.Find(Monday)!.State);
    }

    [Fact]
    public async Task Days_missed_while_the_bot_was_down_are_caught_up_at_start_one_mail_each()
    {
        var friday = new DateOnly(2026, 11, 27);
        using var harness = new DigestHarness(DigestHarness.Local(friday, 9));
        foreach (var day in new[] { Tuesday, Tuesday.AddDays(1), Tuesday.AddDays(2) })
        {
            harness.AddMessages(day, 3);
        }

        var transport = new RecordingTransport();
        using var service = harness.Service(transport);

        var sent = await service.RunDueAsync(Token);
        var again = await service.RunDueAsync(Token);

        Assert.Equal(3, sent);
        Assert.Equal(0, again);
        Assert.Equal(
            ["digest-2026-11-24.42@coalitionbot", "digest-2026-11-25.42@coalitionbot", "digest-2026-11-26.42@coalitionbot"],
            transport.Sent.Select(m => m.MessageId));
        Assert.Equal(DigestState.Empty, harness.Ledger.Find(Monday)!.State);
    }

    [Fact]
    public async Task Days_waiting_for_discord_longer_than_the_catch_up_window_send_only_the_window_and_the_rest_stay_pending()
    {
        var friday = new DateOnly(2026, 11, 27);
        using var harness = new DigestHarness(DigestHarness.Local(Monday, 7));
        harness.Options.CatchUpDays = 3;
        foreach (var day in Enumerable.Range(0, 5).Select(i => Monday.AddDays(i - 1)))
        {
            harness.AddMessages(day, 2);
        }

        var discord = new SwitchablePreparation { WaitingFor = "no poll that began after … has succeeded yet" };
        var transport = new RecordingTransport();
        using var service = harness.Service(transport, discord);
        for (var day = Monday; day <= friday; day = day.AddDays(1))
        {
            // Discord is down all week: each morning's run finds every day of the window waiting.
            harness.Time.SetUtcNow(DigestHarness.Local(day, 7, 5));
            await service.RunDueAsync(Token);
        }

        discord.WaitingFor = null;
        var back = await service.RunDueAsync(Token);
        var again = await service.RunDueAsync(Token);

        Assert.Equal(3, back);
        Assert.Equal(0, again);
        Assert.Equal(["digest-2026-11-24.42@coalitionbot", "digest-2026-11-25.42@coalitionbot", "digest-2026-11-26.42@coalitionbot"], transport.Sent.Select(m => m.MessageId));
        // Older days left the window while they waited: not mailed by themselves, still pending with their reason.
        Assert.All(new[] { Monday.AddDays(-1), Monday }, day =>
        {
            var record = harness.Ledger.Find(day)!;
            Assert.Equal((DigestState.Pending, "no poll that began after … has succeeded yet"), (record.State, record.WaitingFor));
        });
        Assert.Equal(DigestOutcome.Sent, (await service.SendDayAsync(Monday, resend: false, Token)).Outcome);
    }

    [Fact]
    public async Task A_day_is_not_due_before_the_send_time()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Tuesday, 6, 59));
        harness.AddMessages(Monday, 3);
        var transport = new RecordingTransport();
        using var service = harness.Service(transport);

        var early = await service.RunDueAsync(Token);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var onTime = await service.RunDueAsync(Token);

        Assert.Equal(0, early);
        Assert.Equal(1, onTime);
    }

    [Fact]
    public async Task A_resend_mails_the_day_again_with_the_same_Message_ID()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Tuesday, 8));
        harness.AddMessages(Monday, 2);
        var transport = new RecordingTransport();
        using var service = harness.Service(transport);

        await service.SendDayAsync(Monday, resend: false, Token);
        var resent = await service.SendDayAsync(Monday, resend: true, Token);

        Assert.Equal(DigestOutcome.Sent, resent.Outcome);
        Assert.Equal(2, transport.Sent.Count);
        Assert.Single(transport.Sent.Select(m => m.MessageId).Distinct());
        Assert.Equal(1, resent.Record!.Resends);
    }

    [Fact]
    public async Task An_empty_day_is_recorded_and_not_mailed_unless_configured()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Tuesday, 8));
        var transport = new RecordingTransport();
        using var service = harness.Service(transport);

        var result = await service.SendDayAsync(Monday, resend: false, Token);
        harness.Options.SendEmptyDays = true;
        var sunday = await service.SendDayAsync(Monday.AddDays(-1), resend: false, Token);

        Assert.Equal(DigestOutcome.Empty, result.Outcome);
        Assert.Equal(DigestState.Empty, harness.Ledger.Find(Monday)!.State);
        Assert.Equal(DigestOutcome.Sent, sunday.Outcome);
        Assert.Single(transport.Sent);
    }

    [Fact]
    public async Task Without_recipients_nothing_is_mailed_or_recorded()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Tuesday, 8));
        harness.AddMessages(Monday, 2);
        harness.Options.To = "";
        var transport = new RecordingTransport();
        using var service = harness.Service(transport);

        var result = await service.SendDayAsync(Monday, resend: false, Token);

        Assert.Equal(DigestOutcome.NotAddressed, result.Outcome);
        Assert.Null(harness.Ledger.Find(Monday));
        Assert.Empty(transport.Sent);
    }

    [Fact]
    public async Task The_preparation_hook_runs_for_the_day_before_the_digest_is_built()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Tuesday, 8));
        var preparation = new LatePoll(harness);
        var transport = new RecordingTransport();
        using var service = harness.Service(transport, preparation);

        await service.SendDayAsync(Monday, resend: false, Token);

        Assert.Equal((DigestHarness.Local(Monday, 0), DigestHarness.Local(Tuesday, 0)), preparation.Period);
        Assert.Contains("arrivé à la dernière minute", harness.Ledger.Find(Monday)!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_previous_day_count_feeds_the_change_figure()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Tuesday, 8));
        harness.AddMessages(Monday.AddDays(-1), 7);
        harness.AddMessages(Monday, 3);
        using var service = harness.Service(new RecordingTransport());

        var digest = service.Build(Monday);

        Assert.Equal(-4, digest.Figures.Change);
    }

    [Fact]
    public async Task A_reply_to_a_message_of_an_earlier_day_says_whom_it_answers()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Tuesday, 8));
        var question = DigestFixtures.Message(10, "Qui vient samedi ?", author: 5, name: "Farid", day: Monday.AddDays(-2));
        harness.Messages.Upsert([question, DigestFixtures.Message(10, "Moi !", author: 2, day: Monday) with { Type = 19, ReplyToMessageId = question.Id }]);
        using var service = harness.Service(new RecordingTransport());

        var text = service.Render(Monday).Rendered.Text;

        Assert.Contains("en réponse à Farid", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mailed_contents_are_forgotten_after_the_retention_period_but_the_records_stay()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Tuesday, 8));
        harness.Ledger.Save(new DigestRecord { Id = "2026-10-01", State = DigestState.Sent, Html = "<p>vieux</p>", Text = "vieux" });
        harness.Ledger.Save(new DigestRecord { Id = "2026-11-20", State = DigestState.Sent, Html = "<p>récent</p>", Text = "récent" });
        using var service = harness.Service(new RecordingTransport());

        await service.RunDueAsync(Token);

        var old = harness.Ledger.Find(new DateOnly(2026, 10, 1))!;
        Assert.Equal(DigestState.Sent, old.State);
        Assert.True(string.IsNullOrEmpty(old.Html) && string.IsNullOrEmpty(old.Text));
        Assert.Equal("récent", harness.Ledger.Find(new DateOnly(2026, 11, 20))!.Text);
    }

    [Fact]
    public async Task Messages_read_back_from_the_database_with_empty_fields_still_build()
    {
        using var harness = new DigestHarness(DigestHarness.Local(Tuesday, 8));
        harness.Messages.Upsert(
        [
            DigestFixtures.Message(10, "", author: 1, day: Monday) with { Type = 6, AuthorName = "" },
            DigestFixtures.Message(10, "", author: 2, day: Monday) with { Attachments = [new CoalitionBot.Storage.StoredAttachment("photo.jpg", 10, null, "")] },
        ]);
        var transport = new RecordingTransport();
        using var service = harness.Service(transport);

        var result = await service.SendDayAsync(Monday, resend: false, Token);

        Assert.Equal(DigestOutcome.Sent, result.Outcome);
        Assert.Contains("photo.jpg", result.Record!.Text, StringComparison.Ordinal);
    }

    private sealed class LatePoll(DigestHarness harness) : IDigestPreparation
    {
        public (DateTimeOffset From, DateTimeOffset To) Period { get; private set; }

        public DateTimeOffset? CoveredSince => null;

        public Task<DigestReadiness> PrepareAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
        {
            Period = (from, to);
            harness.Messages.Upsert([DigestFixtures.Message(10, "arrivé à la dernière minute", hour: 23, minute: 59, day: Monday)]);
            return Task.FromResult(DigestReadiness.Ready);
        }

        public Task RefreshRecentAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class SwitchablePreparation : IDigestPreparation
    {
        public string? WaitingFor { get; set; }

        public DateTimeOffset? CoveredSince => null;

        public Task<DigestReadiness> PrepareAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
            Task.FromResult(WaitingFor is { } reason ? DigestReadiness.Waiting(reason) : DigestReadiness.Ready);

        public Task RefreshRecentAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
