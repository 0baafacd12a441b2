namespace CoalitionBot.Admin;

/// Without Admin:Token or sign-in with Discord the admin page and API do not exist: every route answers 404.
internal sealed class AdminEnabledFilter(AdminSession session) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        session.IsPageEnabled ? await next(context) : TypedResults.NotFound();
}
