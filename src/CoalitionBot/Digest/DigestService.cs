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
    IOptions<DigestOptions> options,
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
    public async Task<DigestSendResult> SendDayAsync(DateOnly day, bool resend, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.To))
        {
            Log.NotAddressed(logger, DigestLedger.Key(day));
            return new DigestSendResult(DigestOutcome.NotAddressed, ledger.Find(day));
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            var record = ledger.Find(day);
            if (!resend && record is { State: DigestState.Sent or DigestState.Empty })
            {
                return new DigestSendResult(record.State == DigestState.Sent ? DigestOutcome.AlreadySent : DigestOutcome.Empty, record);
            }

            return await BuildAndSendAsync(day, record, resend, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// Mails every day whose send time has passed and that is not done yet, oldest first, within
    /// Digest:CatchUpDays; pending days wait for their next attempt time (backoff).
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var last = LastCompleteDay();
        var sent = 0;
        for (var day = last.AddDays(1 - Math.Max(1, options.Value.CatchUpDays)); day <= last; day = day.AddDays(1))
        {
            var record = ledger.Find(day);
            var due = now >= DueAt(day) && record switch
            {
                null => true,
                { State: DigestState.Pending } => record.NextAttemptAt is not { } next || next <= now,
                _ => false,
            };
            if (due && (await SendDayAsync(day, resend: false, cancellationToken)).Outcome == DigestOutcome.Sent)
            {
                sent++;
            }
        }

        ledger.ForgetContentsBefore(last.AddDays(-storage.Value.RetentionDays));
        return sent;
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
    public (DailyDigest Digest, RenderedDigest Rendered) Render(DateOnly day)
    {
        var digest = Build(day);
        return (digest, DigestRenderer.Render(digest, RenderContext()));
    }

    public DigestRenderContext RenderContext() =>
        new(DigestTexts.For(Languages.FromCode(options.Value.Language)), options.Value.ServerName, Zone);

    public DailyDigest Build(DateOnly day)
    {
        var period = DigestPeriod.ForDay(day, Zone);
        var previous = DigestPeriod.ForDay(day.AddDays(-1), Zone);
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

    private async Task<DigestSendResult> BuildAndSendAsync(DateOnly day, DigestRecord? record, bool resend, CancellationToken cancellationToken)
    {
        var period = DigestPeriod.ForDay(day, Zone);
        try
        {
            await preparation.PrepareAsync(period.Start, period.End, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Better the messages already stored than no digest: the refresh is a best effort.
            Log.PreparationFailed(logger, DigestLedger.Key(day), exception.Message);
        }

        var (digest, rendered) = Render(day);
        record ??= new DigestRecord { Id = DigestLedger.Key(day) };
        var wasSent = record.State == DigestState.Sent;
        record.Messages = digest.Figures.Messages;
        record.MessageId = MailComposer.MessageId(GuildId, day);
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
            var mail = MailComposer.Compose(rendered, options.Value, GuildId, day, now);
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
        return new DigestSendResult(DigestOutcome.Sent, record);
    }

    /// 5, 10, 20, 40 minutes, then every hour.
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, 5 * Math.Pow(2, Math.Max(0, attempts - 1))));
}
