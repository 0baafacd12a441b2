using System.Collections.Concurrent;
using CoalitionBot.Mail;
using MimeKit;

namespace CoalitionBot.Tests.Support;

/// A transport that keeps what it is given; it can fail the first sends, or hang until cancelled
/// (a process stopped in the middle of sending).
internal sealed class RecordingTransport : IMailTransport
{
    public ConcurrentQueue<MimeMessage> Sent { get; } = new();

    public int FailuresLeft { get; set; }

    public bool HangUntilCancelled { get; set; }

    /// Completed when a send has started, so a test can act while it is in flight.
    public TaskCompletionSource SendStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// When set, a send waits for it before completing (to hold two triggers together).
    public Task? Gate { get; set; }

    public string Description => "recording transport";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        SendStarted.TrySetResult();
        if (HangUntilCancelled)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (Gate is not null)
        {
            await Gate.WaitAsync(cancellationToken);
        }

        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new IOException("Connection refused (test)");
        }

        Sent.Enqueue(message);
    }
}
