using System.Globalization;
using CoalitionBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoalitionBot.Admin;

/// The /admin/api routes for status, channel lists, switches and logs. Ingestion adds POST poll,
/// the digest adds the digest routes, on the same group.
internal static class AdminApi
{
    public static RouteGroupBuilder MapAdminRoutes(this RouteGroupBuilder api)
    {
        api.MapGet("/status", GetStatusAsync).WithName("GetStatus").WithSummary("Version, uptime, health, features, switches and each feature's state");
        api.MapGet("/channels", GetChannelsAsync).WithName("GetChannels").WithSummary("The server's channels with their state: monitored, excluded or important");
        api.MapPost("/channels/{id}/exclude", Exclude).WithName("ExcludeChannel").WithSummary("Leave a channel out of the digest");
        api.MapPost("/channels/{id}/include", Include).WithName("IncludeChannel").WithSummary("Bring a channel back into the digest");
        api.MapPost("/channels/{id}/important", MarkImportantAsync).Accepts<ImportantChange>(isOptional: true, "application/json").WithName("MarkChannelImportant").WithSummary("Mark a channel important (body {\"important\": false} to unmark)");
        api.MapGet("/audience", GetAudience).WithName("GetAudience").WithSummary("The digest's audience: the role whose view decides which channels are mailed, who chose it, and the roles it may be");
        api.MapPut("/audience", PutAudienceAsync).Accepts<AudienceChange>("application/json").WithName("PutAudience").WithSummary("Choose the audience: body {\"role\": \"Membre\"} (a role name or id, or @everyone); stored, it overrides Digest:AudienceRole");
        api.MapGet("/switches", GetSwitches).WithName("GetSwitches").WithSummary("Feature switches");
        api.MapPut("/switches", PutSwitchesAsync).Accepts<SwitchesChange>("application/json").WithName("PutSwitches").WithSummary("Change feature switches; takes effect without restart");
        api.MapGet("/logs", GetLogs).WithName("GetLogs").WithSummary("The last log lines, newest first, secrets redacted");
        api.MapGet("/sessions", GetSessions).WithName("GetSessions").WithSummary("The admin page's open sign-in sessions: how, when issued, last used, when they end");
        api.MapDelete("/sessions", DeleteSessions).WithName("DeleteSessions").WithSummary("Signs out everywhere: ends every admin page session");
        return api;
    }

    private static async Task<Ok<StatusView>> GetStatusAsync(AdminStatus status, CancellationToken cancellationToken) =>
        TypedResults.Ok(await status.StatusAsync(cancellationToken));

    private static async Task<Ok<ChannelLists>> GetChannelsAsync(AdminChannels channels, CancellationToken cancellationToken) =>
        TypedResults.Ok(await channels.ListAsync(cancellationToken));

    private static Results<Ok<ChannelChange>, ProblemHttpResult> Exclude(string id, AdminChannels channels) =>
        WithChannel(id, channelId => new ChannelChange(id, "excluded", channels.SetExcluded(channelId, excluded: true, Actor.Token)));

    private static Results<Ok<ChannelChange>, ProblemHttpResult> Include(string id, AdminChannels channels) =>
        WithChannel(id, channelId => new ChannelChange(id, "included", channels.SetExcluded(channelId, excluded: false, Actor.Token)));

    private static async Task<Results<Ok<ChannelChange>, ProblemHttpResult>> MarkImportantAsync(string id, HttpRequest request, AdminChannels channels, CancellationToken cancellationToken)
    {
        var (change, problem) = await AdminJsonBody.ReadAsync(request, AdminJsonContext.Default.ImportantChange, new ImportantChange(), "{\"important\":false}", cancellationToken);
        if (problem is not null)
        {
            return BadRequest(problem);
        }

        var important = change?.Important ?? true;
        return WithChannel(id, channelId => new ChannelChange(id, important ? "important" : "not important", channels.SetImportant(channelId, important, Actor.Token)));
    }

    private static Ok<AudienceInfo> GetAudience(AdminAudience audience) => TypedResults.Ok(audience.Read());

    private static async Task<Results<Ok<AudienceInfo>, ProblemHttpResult>> PutAudienceAsync(HttpRequest request, AdminAudience audience, CancellationToken cancellationToken)
    {
        var (change, problem) = await AdminJsonBody.ReadAsync<AudienceChange>(request, AdminJsonContext.Default.AudienceChange, null, "{\"role\":\"Membre\"}", cancellationToken);
        if (change is null)
        {
            return BadRequest(problem ?? "The body must be a JSON object such as {\"role\":\"Membre\"}.");
        }

        return audience.Set(change.Role ?? "", Actor.Token) is { } info
            ? TypedResults.Ok(info)
            : BadRequest($"'{change.Role}' is not a role of the server: give a role's name or id, or @everyone.");
    }

    private static Ok<FeatureSwitches> GetSwitches(AdminSwitches switches) => TypedResults.Ok(switches.Read());

    private static async Task<Results<Ok<FeatureSwitches>, ProblemHttpResult>> PutSwitchesAsync(HttpRequest request, AdminSwitches switches, CancellationToken cancellationToken)
    {
        var (change, problem) = await AdminJsonBody.ReadAsync<SwitchesChange>(request, AdminJsonContext.Default.SwitchesChange, null, "{\"dailyMail\":false}", cancellationToken);
        return change is null
            ? BadRequest(problem ?? "The body must be a JSON object such as {\"dailyMail\":false}.")
            : TypedResults.Ok(switches.Update(change, Actor.Token));
    }

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    private static Ok<IReadOnlyList<LogEntry>> GetLogs(LogBuffer logs, int? count) =>
        TypedResults.Ok(logs.Recent(Math.Clamp(count ?? 200, 1, LogBuffer.Capacity)));

    private static Ok<AdminSessionList> GetSessions(AdminSession session) => TypedResults.Ok(session.List());

    private static Ok<SessionsRevoked> DeleteSessions(AdminSession session, ILogger<AdminSession> logger)
    {
        var count = session.SignOutEverywhere();
        Log.SessionsRevoked(logger, count);
        return TypedResults.Ok(new SessionsRevoked(count));
    }

    private static Results<Ok<ChannelChange>, ProblemHttpResult> WithChannel(string id, Func<ulong, ChannelChange> change) =>
        ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var channelId) && channelId > 0
            ? TypedResults.Ok(change(channelId))
            : BadRequest($"'{id}' is not a Discord channel id (digits only).");
}

internal sealed record ChannelChange(string Id, string State, bool Changed);
