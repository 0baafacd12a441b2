namespace CoalitionBot.Digest;

/// What a request to send a day's digest came to.
internal enum DigestOutcome
{
    Sent,
    AlreadySent,
    Empty,
    Failed,
    NotAddressed,
    /// Its messages are not all read yet (Discord down, the bot token rejected): it stays pending.
    Waiting,
    /// The bot was not reading the server yet on that day: there is no digest of it.
    NotCovered,
}
