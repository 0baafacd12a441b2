using System.Globalization;
using CoalitionBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoalitionBot.Admin;

/// GET /admin/api/audit: the audit trail, newest first, behind the admin token like the other routes.
internal static class AuditApi
{
    public const int DefaultCount = 100;

    public static RouteGroupBuilder MapAuditRoutes(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", GetAudit).WithName("GetAudit")
            .WithSummary("Who changed what and when, newest first (?count=N, 100 by default, at most 2,000): channel lists, audience, switches, sends, actions, restarts, sign-outs");
        return api;
    }

    private static Ok<IReadOnlyList<AuditView>> GetAudit(AuditTrail audit, int? count) =>
        TypedResults.Ok<IReadOnlyList<AuditView>>(audit.Latest(Math.Clamp(count ?? DefaultCount, 1, AuditTrail.Capacity)).Select(AuditView.From).ToList());
}

/// One audit entry as the API gives it: ids as strings (Discord's snowflakes do not fit a JSON number),
/// actorId null for the admin token.
internal sealed record AuditView(int Id, DateTimeOffset At, string Actor, string? ActorId, string Kind, string? TargetId, string? Target, string? Detail)
{
    public static AuditView From(AuditEntry entry) =>
        new(entry.Id, entry.At, entry.Actor, entry.ActorId?.ToString(CultureInfo.InvariantCulture), entry.Kind, entry.TargetId, entry.Target, entry.Detail);
}
