using CoalitionBot.Digest.Rendering;
using CoalitionBot.Storage;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Digest;

/// Which digests are due and when: the daily run with its catch-up and retries, and the sends an
/// admin asks for. Composing is <see cref="DigestComposer"/>'s, mailing and recording <see cref="DigestSender"/>'s.
internal sealed class DigestService(
    DigestCalendar calendar,
    DigestComposer composer,
    DigestSender sender,
    DigestLedger ledger,
    SettingsStore settings,
    IOptions<DigestOptions> options,
    IOptions<StorageOptions> storage) : IDisposable
{
    public DigestOptions Options => options.Value;

    public TimeZoneInfo Zone => calendar.Zone;

    public ulong GuildId => composer.GuildId;

    public DateTimeOffset? CoveredSince => sender.CoveredSince;

    public DateOnly LastCompleteDay() => calendar.LastCompleteDay();

    public DateOnly LastCompleteWeek() => calendar.LastCompleteWeek();

    public DateTimeOffset DueAt(DateOnly day) => calendar.DueAt(day);

    public bool Covers(DigestSlot slot) => sender.Covers(slot);

    /// Mails the day's digest unless it already went (or, with <paramref name="resend"/>, again, with the same Message-ID).
    public Task<DigestSendResult> SendDayAsync(DateOnly day, bool resend, CancellationToken cancellationToken) =>
        sender.SendAsync(calendar.Day(day), resend, cancellationToken);

    /// Mails the weekly synthesis of the seven days from <paramref name="firstDay"/>.
    public Task<DigestSendResult> SendWeekAsync(DateOnly firstDay, bool resend, CancellationToken cancellationToken) =>
        sender.SendAsync(calendar.Week(firstDay), resend, cancellationToken);

    /// The digest of a day as it would be mailed now, without mailing it (preview, admin).
    public (DailyDigest Digest, RenderedDigest Rendered) Render(DateOnly day) => composer.Render(calendar.Day(day));

    public (DailyDigest Digest, RenderedDigest Rendered) Render(DigestSlot slot) => composer.Render(slot);

    /// The day as it would be mailed now, with the abstract asked for as the preview asks (whenever an endpoint is set).
    public Task<(DailyDigest Digest, RenderedDigest Rendered, AbstractResult Abstract)> PreviewAsync(DateOnly day, CancellationToken cancellationToken) =>
        composer.ComposeAsync(calendar.Day(day), AbstractUse.Preview, cancellationToken);

    public DailyDigest Build(DateOnly day) => composer.Build(calendar.Day(day));

    /// The day's digest as the mail would have it now, for the admin page's preview: the same builder
    /// and renderers, no abstract (the model is asked at send time), nothing mailed or recorded.
    public DayPreview Preview(DateOnly day)
    {
        var last = calendar.LastCompleteDay();
        var preview = new DayPreview(day, DayPreviewState.Ready) { LastCompleteDay = last, Budget = options.Value.MaxBytes, SendsEmptyDays = options.Value.SendEmptyDays };
        if (day > last)
        {
            return preview with { State = DayPreviewState.NotComplete, DueAt = day < DateOnly.MaxValue.AddDays(-1) ? calendar.DueAt(day) : null };
        }

        var slot = calendar.Day(day);
        if (!sender.Covers(slot))
        {
            return preview with { State = DayPreviewState.NotCovered, CoveredSince = sender.CoveredSince };
        }

        var (digest, rendered) = composer.Render(slot);
        preview = preview with
        {
            Digest = digest,
            Rendered = rendered,
            Bytes = System.Text.Encoding.UTF8.GetByteCount(rendered.Html) + System.Text.Encoding.UTF8.GetByteCount(rendered.Text),
            Cuts = DigestCuts.Of(digest),
            Record = ledger.Find(slot.Key),
        };
        return digest.IsEmpty ? preview with { State = DayPreviewState.Empty } : preview;
    }

    /// The complete days, from the last one back <paramref name="days"/> days, that have stored messages, newest first.
    public IReadOnlyList<(DateOnly Day, int Messages)> DaysWithMessages(int days) => composer.DaysWithMessages(calendar.LastCompleteDay(), days);

    /// Mails every day whose send time has passed and that is not done yet, oldest first, within
    /// Digest:CatchUpDays, then the last week's synthesis when it is on; pending ones wait for
    /// their next attempt time (backoff), and days the bot was not there for are skipped.
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = calendar.Now();
        var last = calendar.LastCompleteDay();
        var switches = settings.Switches();
        List<(DigestSlot Slot, DateTimeOffset DueAt)> slots = [];
        for (var day = last.AddDays(1 - Math.Max(1, options.Value.CatchUpDays)); day <= last && switches.DailyMail; day = day.AddDays(1))
        {
            // Days that fell due while moderators had the daily mail off are not caught up afterwards.
            if (switches.DailyMailOnSince is not { } since || calendar.DueAt(day) >= since)
            {
                slots.Add((calendar.Day(day), calendar.DueAt(day)));
            }
        }

        if (switches.WeeklySynthesis)
        {
            var week = calendar.LastCompleteWeek();
            slots.Add((calendar.Week(week), calendar.DueAt(week.AddDays(6))));
        }

        var sent = 0;
        foreach (var (slot, dueAt) in slots)
        {
            var due = now >= dueAt && sender.Covers(slot) && DigestRecord.IsDue(ledger.Find(slot.Key), now);
            if (due && (await sender.SendAsync(slot, resend: false, cancellationToken)).Outcome == DigestOutcome.Sent)
            {
                sent++;
            }
        }

        ledger.ForgetContentsBefore(last.AddDays(-storage.Value.RetentionDays));
        return sent;
    }

    /// The sender's lock is released with the service that runs it (tests build both by hand).
    public void Dispose() => sender.Dispose();
}
