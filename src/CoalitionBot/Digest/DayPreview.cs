using CoalitionBot.Digest.Rendering;

namespace CoalitionBot.Digest;

/// Why a day has (or has not) a digest to preview.
internal enum DayPreviewState
{
    Ready,

    /// The day has not ended yet in the digest's zone.
    NotComplete,

    /// The bot was not reading the server yet that day.
    NotCovered,

    /// No message worth mailing that day.
    Empty,
}

/// A day's digest as it would be mailed now, for the admin page: built and rendered by the mail's
/// own builder and renderers, never mailed, never written to the ledger, and without the model's
/// abstract (asking a model takes seconds to minutes; it is written at send time).
internal sealed record DayPreview(DateOnly Day, DayPreviewState State)
{
    public DailyDigest? Digest { get; init; }

    public RenderedDigest? Rendered { get; init; }

    /// The HTML and text parts as UTF-8, before the mail's transfer encoding: what Digest:MaxBytes budgets.
    public int Bytes { get; init; }

    /// Digest:MaxBytes.
    public int Budget { get; init; }

    public DigestCuts Cuts { get; init; } = DigestCuts.None;

    /// The last day that has ended; the default day of the preview.
    public DateOnly LastCompleteDay { get; init; }

    /// When a day that has not ended yet will be mailed.
    public DateTimeOffset? DueAt { get; init; }

    /// Where the stored messages begin, when a day before it is asked for.
    public DateTimeOffset? CoveredSince { get; init; }

    /// Whether a day without messages is mailed all the same (Digest:SendEmptyDays).
    public bool SendsEmptyDays { get; init; }

    /// The day's ledger record, read only: whether it already went.
    public DigestRecord? Record { get; init; }

    /// Bytes as a share of the budget, rounded down (may exceed 100: the budget is estimated, not enforced).
    public int Percent => Budget > 0 ? (int)(Bytes * 100L / Budget) : 0;
}
