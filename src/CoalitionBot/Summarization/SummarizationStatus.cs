using CoalitionBot.Operations;

namespace CoalitionBot.Summarization;

/// The last time the model was asked, and how it went: what the health check and the admin page say.
internal sealed class SummarizationStatus
{
    private Attempt? last;

    public Attempt? Last => Volatile.Read(ref last);

    public void Record(Attempt attempt) => Volatile.Write(ref last, attempt);

    /// One request to the model; <see cref="Failure"/> is null when an abstract came of it.
    internal sealed record Attempt(DateTimeOffset At, TimeSpan Took, AbstractFailure? Failure, HealthMessage? Reason);
}
