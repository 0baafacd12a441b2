namespace CoalitionBot.Storage;

/// Switches moderators flip from the admin page; read at the moment they matter, so a change
/// takes effect without a restart.
internal sealed record FeatureSwitches
{
    public bool DailyMail { get; init; } = true;

    public bool WeeklySynthesis { get; init; }

    public bool Summaries { get; init; } = true;

    /// The abstract a language model writes at the top of the mail and /resume: opt-in, and only
    /// with Summarization:Endpoint set.
    public bool Abstracts { get; init; }

    /// When the daily mail was last switched back on: days due before that are not caught up.
    public DateTimeOffset? DailyMailOnSince { get; init; }
}
