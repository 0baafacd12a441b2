namespace CoalitionBot.Storage;

/// Something made from the stored messages that must be taken from them before retention deletes
/// them (the daily aggregates): the retention job runs each one before it purges.
internal interface IBeforeRetention
{
    /// Called with the instant before which messages are about to be deleted.
    void BeforePurge(DateTimeOffset cutoff);
}
