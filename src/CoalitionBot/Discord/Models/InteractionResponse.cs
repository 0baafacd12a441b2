namespace CoalitionBot.Discord.Models;

internal enum InteractionCallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    ApplicationCommandAutocompleteResult = 8,
}

internal sealed record InteractionResponse(InteractionCallbackType Type, InteractionCallbackData? Data = null);

/// The data of a message callback (types 4 and 5) or of an autocomplete result (type 8).
internal sealed record InteractionCallbackData(
    string? Content = null,
    int? Flags = null,
    IReadOnlyList<Embed>? Embeds = null,
    AllowedMentions? AllowedMentions = null,
    IReadOnlyList<CommandChoice>? Choices = null);

internal sealed record AllowedMentions(IReadOnlyList<string> Parse)
{
    /// Nobody, no role, no @everyone: we quote members' text and must never ping.
    public static AllowedMentions None { get; } = new([]);
}

internal sealed record CommandChoice(string Name, string Value);

internal sealed record Embed(
    string? Title = null,
    string? Description = null,
    string? Url = null,
    int? Color = null,
    IReadOnlyList<EmbedField>? Fields = null,
    EmbedFooter? Footer = null);

internal sealed record EmbedField(string Name, string Value, bool? Inline = null);

internal sealed record EmbedFooter(string Text);

/// Body of PATCH /webhooks/{app}/{token}/messages/@original.
internal sealed record WebhookMessageEdit(
    string? Content = null,
    IReadOnlyList<Embed>? Embeds = null,
    AllowedMentions? AllowedMentions = null);

/// Body of POST /webhooks/{app}/{token}: a follow-up message.
internal sealed record WebhookMessageCreate(
    string? Content = null,
    IReadOnlyList<Embed>? Embeds = null,
    AllowedMentions? AllowedMentions = null,
    int? Flags = null);
