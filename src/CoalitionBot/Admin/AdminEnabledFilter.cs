using Microsoft.Extensions.Options;

namespace CoalitionBot.Admin;

/// Without Admin:Token the admin page and API do not exist: every route answers 404.
internal sealed class AdminEnabledFilter(IOptions<AdminOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        options.Value.IsEnabled ? await next(context) : TypedResults.NotFound();
}
