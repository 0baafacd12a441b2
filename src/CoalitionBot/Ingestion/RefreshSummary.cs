namespace CoalitionBot.Ingestion;

/// What a refresh before a digest did.
internal sealed record RefreshSummary(int ChannelsRead, int MessagesUpdated, int MessagesDeleted, long Requests, string? Error = null);
