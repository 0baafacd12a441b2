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
    EmbedFooter? Footer = null,
    EmbedImage? Image = null);

/// An embed's image; "attachment://name.png" shows a file uploaded with the same message.
internal sealed record EmbedImage(string Url);

/// An uploaded file's entry in <c>attachments</c>: <c>id</c> is the index of its multipart part
/// <c>files[id]</c>, written as a string (a snowflake's type in Discord's OpenAPI description).
internal sealed record MessageAttachment(string Id, string Filename, string? Description = null);

/// A file sent with a message, as a multipart part beside <c>payload_json</c> (never serialised into the JSON).
internal sealed record MessageFile(string FileName, string ContentType, ReadOnlyMemory<byte> Content, string? Description = null);

internal sealed record EmbedField(string Name, string Value, bool? Inline = null);

internal sealed record EmbedFooter(string Text);

/// Body of PATCH /webhooks/{app}/{token}/messages/@original.
internal sealed record WebhookMessageEdit(
    string? Content = null,
    IReadOnlyList<Embed>? Embeds = null,
    AllowedMentions? AllowedMentions = null,
    IReadOnlyList<MessageAttachment>? Attachments = null)
{
    /// The files the attachments name, sent as multipart parts (files[0], files[1], ...).
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<MessageFile> Files { get; init; } = [];

    /// The edit with its files: the attachments' entries are filled from them, in order.
    public WebhookMessageEdit WithFiles(params IReadOnlyList<MessageFile> files) =>
        this with { Files = files, Attachments = [.. files.Select((f, i) => new MessageAttachment(i.ToString(System.Globalization.CultureInfo.InvariantCulture), f.FileName, f.Description))] };
}

/// Body of POST /webhooks/{app}/{token}: a follow-up message.
internal sealed record WebhookMessageCreate(
    string? Content = null,
    IReadOnlyList<Embed>? Embeds = null,
    AllowedMentions? AllowedMentions = null,
    int? Flags = null);
