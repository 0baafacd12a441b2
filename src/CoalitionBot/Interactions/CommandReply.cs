using CoalitionBot.Discord.Models;

namespace CoalitionBot.Interactions;

/// What a command answers: a message now, or "thinking…" now and the message later, by editing
/// the original response once the slow work is done (and, when one message cannot hold it all,
/// follow-up messages after it).
internal sealed record CommandReply(InteractionCallbackData? Immediate, Func<CancellationToken, Task<DeferredAnswer>>? Deferred, bool Ephemeral)
{
    public const int EphemeralFlag = 1 << 6;

    public static CommandReply Private(string content) => new(Message(content, ephemeral: true), null, true);

    public static CommandReply Later(Func<CancellationToken, Task<WebhookMessageEdit>> work, bool ephemeral = true) =>
        new(null, async token => new DeferredAnswer(await work(token), []), ephemeral);

    public static CommandReply Later(Func<CancellationToken, Task<DeferredAnswer>> work, bool ephemeral = true) => new(null, work, ephemeral);

    public static InteractionCallbackData Message(string content, bool ephemeral) =>
        new(Content: content, Flags: ephemeral ? EphemeralFlag : null, AllowedMentions: AllowedMentions.None);

    public static WebhookMessageEdit Edit(string content) => new(Content: content, AllowedMentions: AllowedMentions.None);
}

/// The edit of the "thinking…" message, and the follow-up messages that continue it.
internal sealed record DeferredAnswer(WebhookMessageEdit Original, IReadOnlyList<WebhookMessageCreate> FollowUps);
