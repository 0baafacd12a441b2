using System.Security.Cryptography;
using CoalitionBot.Localization;
using CoalitionBot.Operations;
using CoalitionBot.Security;
using CoalitionBot.Storage;

namespace CoalitionBot.Admin;

/// The admin page's long actions (poll, send, resend, backup), run in the background so the browser
/// is answered at once and follows them on a status panel. One run of a kind at a time: asking again
/// while it runs gives the running one. Outcomes are kept in memory for an hour (not across a
/// restart); at shutdown the running ones are cancelled and awaited a moment.
internal sealed class AdminOperations(TimeProvider time, LogBuffer logs, AuditTrail audit, ILogger<AdminOperations> logger) : IHostedService, IDisposable
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);
    private const int MaxKept = 100;

    private readonly Lock gate = new();
    private readonly Dictionary<string, AdminOperation> operations = [];
    private readonly CancellationTokenSource stopping = new();
    private bool disposed;

    /// Starts <paramref name="work"/> unless a run of the same kind is still going, which is returned instead.
    public AdminOperation Start(string kind, string doing, Actor by, Language language, Func<CancellationToken, Task<AdminActionResult>> work)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            Forget(now);
            if (operations.Values.FirstOrDefault(o => o.Kind == kind && o.IsRunning) is { } running)
            {
                return running;
            }

            var operation = new AdminOperation(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), kind, doing, by, now);
            operations[operation.Id] = operation;
            Log.OperationStarted(logger, kind, operation.Id);
            ObjectDisposedException.ThrowIf(disposed, this);
            var token = stopping.Token;
            operation.Run = Task.Run(() => RunAsync(operation, language, work, token));
            return operation;
        }
    }

    public AdminOperation? Find(string id)
    {
        lock (gate)
        {
            return operations.GetValueOrDefault(id);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// Cancels what runs and gives it until the host's own stop timeout to end.
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] running;
        lock (gate)
        {
            // The host may stop after (or while) the container disposes this (a test host stopped twice).
            if (!disposed)
            {
                stopping.Cancel();
            }

            running = [.. operations.Values.Where(o => o.IsRunning).Select(o => o.Run)];
        }

        try
        {
            await Task.WhenAll(running).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host stops anyway.
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            stopping.Cancel();
            stopping.Dispose();
        }
    }

    private async Task RunAsync(AdminOperation operation, Language language, Func<CancellationToken, Task<AdminActionResult>> work, CancellationToken cancellationToken)
    {
        AdminActionResult result;
        try
        {
            result = await work(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result = new(OperationTexts.For(language).Stopped, Failed: true);
        }
        catch (Exception exception)
        {
            // As a form would: the reason in a sentence, secrets redacted, one log line without a stack.
            var reason = logs.Redact(UnhandledExceptions.OneLine(exception.Message));
            Log.ActionFailed(logger, "/admin/operations (" + operation.Kind + ")", exception.GetType().Name, reason);
            result = new(AdminTexts.For(language).ActionFailed + reason, Failed: true);
        }

        Audit(operation, result);
        var now = time.GetUtcNow();
        operation.Finish(result, now);
        var seconds = Math.Round((now - operation.StartedAt).TotalSeconds, 1);
        Log.OperationEnded(logger, operation.Id, operation.Kind, seconds, result.Failed ? "failed" : "done");
    }

    /// Records the run in the audit trail under who started it, with what it came to: a resend
    /// ("resend-YYYY-MM-DD") as the day's digest resent, an action by its key. A trail that cannot
    /// be written costs the record, not the outcome (one log line).
    private void Audit(AdminOperation operation, AdminActionResult result)
    {
        const string Resend = "resend-";
        var day = operation.Kind.StartsWith(Resend, StringComparison.Ordinal) ? operation.Kind[Resend.Length..] : null;
        try
        {
            audit.Record(operation.By, day is null ? AuditKinds.ForAction(operation.Kind) : AuditKinds.DigestResent, day, day, result.Message);
        }
        catch (Exception exception) when (Database.IsUnavailable(exception))
        {
            Log.ActionFailed(logger, "/admin/operations (" + operation.Kind + ") audit", exception.GetType().Name, UnhandledExceptions.OneLine(exception.Message));
        }
    }

    /// Drops outcomes older than <see cref="KeptFor"/>, and the oldest beyond <see cref="MaxKept"/>.
    private void Forget(DateTimeOffset now)
    {
        var old = operations.Values
            .Where(o => !o.IsRunning)
            .OrderByDescending(o => o.StartedAt)
            .Where((o, index) => now - o.FinishedAt > KeptFor || index >= MaxKept)
            .Select(o => o.Id)
            .ToList();
        foreach (var id in old)
        {
            operations.Remove(id);
        }
    }
}

/// One run of a long action: what it does, who started it and when, and once done its outcome.
internal sealed class AdminOperation(string id, string kind, string doing, Actor by, DateTimeOffset startedAt)
{
    private volatile AdminActionResult? result;

    public string Id => id;

    public string Kind => kind;

    /// What it is doing, for the panel's heading line ("Envoyer le résumé maintenant").
    public string Doing => doing;

    public Actor By => by;

    public DateTimeOffset StartedAt => startedAt;

    public DateTimeOffset? FinishedAt { get; private set; }

    public AdminActionResult? Result => result;

    public bool IsRunning => result is null;

    internal Task Run { get; set; } = Task.CompletedTask;

    internal void Finish(AdminActionResult outcome, DateTimeOffset at)
    {
        FinishedAt = at;
        result = outcome;
    }
}
