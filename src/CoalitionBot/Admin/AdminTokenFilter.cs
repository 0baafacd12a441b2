using CoalitionBot.Security;

namespace CoalitionBot.Admin;

/// Bearer-token check for every admin API route: constant-time comparison, 401 with no detail,
/// 429 once an address has failed too often. Refusals are counted, not logged one by one.
internal sealed class AdminTokenFilter(AdminSession session, FailedAttempts failures, Refusals refusals) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!session.HasToken)
        {
            // The page may exist through sign-in with Discord alone; the API needs the token.
            return TypedResults.NotFound();
        }

        if (!failures.MayTry(http))
        {
            refusals.Record(http, RefusalReason.AdminLockedOut);
            return TypedResults.StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var header = http.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        var given = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..] : null;
        if (!session.IsValidToken(given))
        {
            failures.Record(http);
            refusals.Record(http, RefusalReason.WrongAdminToken);
            return TypedResults.Unauthorized();
        }

        return await next(context);
    }
}
