namespace CoalitionBot.Admin;

/// Without Admin:Token or sign-in with Discord the admin page and API do not exist: every route
/// answers 404. Otherwise a Discord session is checked again first, when due (<see cref="DiscordSessionCheck"/>),
/// on every admin route group that carries this filter.
internal sealed class AdminEnabledFilter(AdminSession session, DiscordSessionCheck check) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        session.IsPageEnabled ? await check.InvokeAsync(context, next) : TypedResults.NotFound();
}
