namespace CoalitionBot.Summarization;

/// Why the last abstract is missing, as one word from a closed list: safe to show on the public
/// /healthz, where no error text goes.
internal enum AbstractFailure
{
    Timeout,
    Unreachable,
    HttpError,
    UnusableAnswer,
}
