
namespace CoalitionBot.Interactions;

/// The slow half of a deferred command: compute the message, then edit the "thinking…" response.
internal sealed record DeferredWork(
    ulong ApplicationId,
    string Token,
    string Command,
    Func<CancellationToken, Task<DeferredAnswer>> Work,
    InteractionTexts Texts,
    bool Ephemeral = true);
