using CoalitionBot.Digest.Rendering;
using CoalitionBot.Discord;
using CoalitionBot.Localization;
using CoalitionBot.Mail;
using CoalitionBot.Storage;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Digest;

/// Builds, mails and records each day's digest, once: a lock serialises every trigger (schedule,
/// catch-up, admin), and the ledger says which days are done.
internal sealed class DigestService(
    MessageStore messages,
    ChannelStore channels,
    ChannelListStore lists,
    DigestLedger ledger,
    IMailTransport transport,
    IDigestPreparation preparation,
    SettingsStore settings,
    Monitoring.UptimeKumaPush monitoring,
    IOptions<DigestOptions> options,
    ServerNameSource serverName,
    IOptions<DiscordOptions> discord,
    IOptions<StorageOptions> storage,
    TimeProvider time,
    ILogger<DigestService> logger) : IDisposable
{
    public const int MaxAttempts = 12;

    /// Replies to older messages look their original up; a day with more is rare and only loses names.
    public const int MaxReferencedLookups = 300;
    private readonly SemaphoreSlim gate = new(1, 1);

    public DigestOptions Options => options.Value;

    public TimeZoneInfo Zone => options.Value.GetZone();

    public ulong GuildId => discord.Value.GuildSnowflake ?? 0;

    public DateOnly LastCompleteDay() => DigestPeriod.LastCompleteDay(time.GetUtcNow(), Zone);

    /// Mails the day's digest unless it already went (or, with <paramref name="resend"/>, again, with the same Message-ID).
    public Task<DigestSendResult> SendDayAsync(DateOnly day, bool resend, CancellationToken cancellationToken) =>
        SendAsync(DigestSlot.Day(day, Zone), resend, cancellationToken);

    /// Mails the weekly synthesis of the seven days from <paramref name="firstDay"/>.
    public Task<DigestSendResult> SendWeekAsync(DateOnly firstDay, bool resend, CancellationToken cancellationToken) =>
        SendAsync(DigestSlot.Week(firstDay, Zone), resend, cancellationToken);

    public async Task<DigestSendResult> SendAsync(DigestSlot slot, bool resend, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.To))
        {
            Log.NotAddressed(logger, slot.Key);
            return new DigestSendResult(DigestOutcome.NotAddressed, ledger.Find(slot.Key));
        }

        if (!Covers(slot))
        {
            return new DigestSendResult(DigestOutcome.NotCovered, null);
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            var record = ledger.Find(slot.Key);
            if (!resend && record is { State: DigestState.Sent or DigestState.Empty })
            {
                return new DigestSendResult(record.State == DigestState.Sent ? DigestOutcome.AlreadySent : DigestOutcome.Empty, record);
            }

            return await BuildAndSendAsync(slot, record, resend, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// Where ingestion began reading; a slot that starts earlier has no digest (the bot was not there).
    public DateTimeOffset? CoveredSince => preparation.CoveredSince;

    public bool Covers(DigestSlot slot) => preparation.CoveredSince is not { } covered || slot.Period.Start >= covered;

    /// Mails every day whose send time has passed and that is not done yet, oldest first, within
    /// Digest:CatchUpDays, then the last week's synthesis when it is on; pending ones wait for
    /// their next attempt time (backoff), and days the bot was not there for are skipped.
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var last = LastCompleteDay();
        var switches = settings.Switches();
        List<(DigestSlot Slot, DateTimeOffset DueAt)> slots = [];
        for (var day = last.AddDays(1 - Math.Max(1, options.Value.CatchUpDays)); day <= last && switches.DailyMail; day = day.AddDays(1))
        {
            // Days that fell due while moderators had the daily mail off are not caught up afterwards.
            if (switches.DailyMailOnSince is not { } since || DueAt(day) >= since)
            {
                slots.Add((DigestSlot.Day(day, Zone), DueAt(day)));
            }
        }

        if (switches.WeeklySynthesis)
        {
            var week = LastCompleteWeek();
            slots.Add((DigestSlot.Week(week, Zone), DueAt(week.AddDays(6))));
        }

        var sent = 0;
        foreach (var (slot, dueAt) in slots)
        {
            var record = ledger.Find(slot.Key);
            var due = now >= dueAt && Covers(slot) && record switch
            {
                null => true,
                { State: DigestState.Pending } => record.NextAttemptAt is not { } next || next <= now,
                _ => false,
            };
            if (due && (await SendAsync(slot, resend: false, cancellationToken)).Outcome == DigestOutcome.Sent)
            {
                sent++;
            }
        }

        ledger.ForgetContentsBefore(last.AddDays(-storage.Value.RetentionDays));
        return sent;
    }

    /// The first day of the last week whose synthesis is due: the seven days before the latest
    /// Digest:WeeklyOn whose send time has passed.
    public DateOnly LastCompleteWeek()
    {
        var sendDay = LastCompleteDay().AddDays(1);
        while (sendDay.DayOfWeek != options.Value.GetWeeklyOn() || time.GetUtcNow() < DueAt(sendDay.AddDays(-1)))
        {
            sendDay = sendDay.AddDays(-1);
        }

        return sendDay.AddDays(-7);
    }

    /// When a day's digest is due: the next day at Digest:SendAt, local time.
    public DateTimeOffset DueAt(DateOnly day)
    {
        var local = day.AddDays(1).ToDateTime(options.Value.GetSendAt(), DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// The digest of a day as it would be mailed now, without mailing it (preview, admin).
    public (DailyDigest Digest, RenderedDigest Rendered) Render(DateOnly day) => Render(DigestSlot.Day(day, Zone));

    public (DailyDigest Digest, RenderedDigest Rendered) Render(DigestSlot slot)
    {
        var digest = Build(slot);
        return (digest, DigestRenderer.Render(digest, RenderContext()));
    }

    public DigestRenderContext RenderContext() =>
        new(DigestTexts.For(Languages.FromCode(options.Value.Language)), serverName.Current, Zone);

    public DailyDigest Build(DateOnly day) => Build(DigestSlot.Day(day, Zone));

    public DailyDigest Build(DigestSlot slot)
    {
        var (period, previous) = (slot.Period, slot.Previous);
        var allChannels = channels.All();
        var channelLists = lists.All();
        var settings = new DigestSettings(SizeBudget: options.Value.MaxBytes);
        var previousCount = DigestBuilder.CountMessages(new DigestRequest(previous, GuildId, messages.InPeriod(previous.Start, previous.End), allChannels, channelLists) { Settings = settings });
        var found = messages.InPeriod(period.Start, period.End);
        var ids = found.Select(m => m.Id).ToHashSet();
        var referenced = found
            .Where(m => m.ReplyToMessageId is { } id && !ids.Contains(id))
            .Select(m => m.ReplyToMessageId!.Value)
            .Distinct()
            .Take(MaxReferencedLookups)
            .Select(messages.Find)
            .OfType<StoredMessage>()
            .ToList();
        return DigestBuilder.Build(new DigestRequest(period, GuildId, found, allChannels, channelLists, previousCount) { Settings = settings, Referenced = referenced });
    }

    public void Dispose() => gate.Dispose();

    private async Task<DigestSendResult> BuildAndSendAsync(DigestSlot slot, DigestRecord? record, bool resend, CancellationToken cancellationToken)
    {
        DigestReadiness readiness;
        try
        {
            readiness = await preparation.PrepareAsync(slot.Period.Start, slot.Period.End, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            readiness = DigestReadiness.Waiting(exception.Message);
        }

        if (readiness.WaitingFor is { } reason)
        {
            // Never empty, never partial: the day stays pending and goes out once its messages are all read.
            return Wait(slot, record, resend, reason);
        }

        var (digest, rendered) = Render(slot);
        record ??= new DigestRecord { Id = slot.Key };
        record.WaitingFor = null;
        record.WaitingSince = null;
        var wasSent = record.State == DigestState.Sent;
        record.Messages = digest.Figures.Messages;
        record.MessageId = slot.MessageId(GuildId);
        record.Subject = rendered.Subject;
        record.Html = rendered.Html;
        record.Text = rendered.Text;
        if (digest.IsEmpty && !options.Value.SendEmptyDays && !resend)
        {
            record.State = DigestState.Empty;
            ledger.Save(record);
            Log.EmptyDay(logger, record.Id);
            return new DigestSendResult(DigestOutcome.Empty, record);
        }

        var now = time.GetUtcNow();
        record.State = wasSent ? DigestState.Sent : DigestState.Pending;
        record.LastAttemptAt = now;
        ledger.Save(record);
        try
        {
            var mail = MailComposer.Compose(rendered, options.Value, record.MessageId, now);
            await transport.SendAsync(mail, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            record.Attempts++;
            record.LastError = exception.Message;
            if (!wasSent)
            {
                record.State = record.Attempts >= MaxAttempts ? DigestState.Failed : DigestState.Pending;
                record.NextAttemptAt = now + Backoff(record.Attempts);
            }

            ledger.Save(record);
            Log.SendFailed(logger, record.Id, record.Attempts, exception.Message);
            return new DigestSendResult(DigestOutcome.Failed, record);
        }

        record.Attempts++;
        record.Resends += wasSent ? 1 : 0;
        record.State = DigestState.Sent;
        record.SentAt = now;
        record.LastError = null;
        record.NextAttemptAt = null;
        ledger.Save(record);
        Log.DigestSent(logger, record.Id, record.Messages, transport.Description);
        await monitoring.PushAsync($"digest {record.Id}: {record.Messages} messages", cancellationToken);
        return new DigestSendResult(DigestOutcome.Sent, record);
    }

    private DigestSendResult Wait(DigestSlot slot, DigestRecord? record, bool resend, string reason)
    {
        if (resend || record is { State: not DigestState.Pending })
        {
            // A resend, or a day given up on: its record stays as it was.
            Log.Waiting(logger, slot.Key, reason);
            return new DigestSendResult(DigestOutcome.Waiting, record, reason);
        }

        record ??= new DigestRecord { Id = slot.Key, State = DigestState.Pending };
        if (record.WaitingFor != reason)
        {
            // Once per reason, not at every check of the due digests.
            Log.Waiting(logger, slot.Key, reason);
        }

        record.WaitingFor = reason;
        record.WaitingSince ??= time.GetUtcNow();
        ledger.Save(record);
        return new DigestSendResult(DigestOutcome.Waiting, record, reason);
    }

    /// 5, 10, 20, 40 minutes, then every hour.
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, 5 * Math.Pow(2, Math.Max(0, attempts - 1))));
}
