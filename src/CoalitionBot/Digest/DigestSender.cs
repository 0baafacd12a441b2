namespace CoalitionBot.Digest;

/// Builds, mails and records one slot's digest, once: a lock serialises every trigger (schedule,
/// catch-up, admin), and the ledger says which slots are done. Logs under the service's category,
/// the one TROUBLESHOOTING.md quotes.
internal sealed class DigestSender(
    DigestLedger ledger,
    DigestComposer composer,
    DigestMailer mailer,
    IDigestPreparation preparation,
    TimeProvider time,
    ILogger<DigestService> logger) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    /// Where ingestion began reading; a slot that starts earlier has no digest (the bot was not there).
    public DateTimeOffset? CoveredSince => preparation.CoveredSince;

    public bool Covers(DigestSlot slot) => preparation.CoveredSince is not { } covered || slot.Period.Start >= covered;

    /// Mails the slot's digest unless it already went (or, with <paramref name="resend"/>, again, with the same Message-ID).
    public async Task<DigestSendResult> SendAsync(DigestSlot slot, bool resend, CancellationToken cancellationToken)
    {
        if (!mailer.IsAddressed)
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
            if (!resend && record is { IsDone: true })
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

        var (digest, rendered, _) = await composer.ComposeAsync(slot, AbstractUse.Mail, cancellationToken);
        record ??= new DigestRecord { Id = slot.Key };
        record.Built(digest.Figures.Messages, slot.MessageId(composer.GuildId), rendered);
        if (digest.IsEmpty && !mailer.SendEmptyDays && !resend)
        {
            record.NothingToSend();
            ledger.Save(record);
            Log.EmptyDay(logger, record.Id);
            return new DigestSendResult(DigestOutcome.Empty, record);
        }

        var now = time.GetUtcNow();
        record.Sending(now);
        ledger.Save(record);
        try
        {
            await mailer.SendAsync(rendered, record.MessageId, now, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            record.SendFailed(exception.Message, now);
            ledger.Save(record);
            Log.SendFailed(logger, record.Id, record.Attempts, exception.Message);
            return new DigestSendResult(DigestOutcome.Failed, record);
        }

        record.Sent(now);
        ledger.Save(record);
        await mailer.ReportSentAsync(record, cancellationToken);
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
        if (record.WaitFor(reason, time.GetUtcNow()))
        {
            // Once per reason, not at every check of the due digests.
            Log.Waiting(logger, slot.Key, reason);
        }

        ledger.Save(record);
        return new DigestSendResult(DigestOutcome.Waiting, record, reason);
    }
}
