using CoalitionBot.Configuration;

namespace CoalitionBot.Admin;

internal static class AdminExtensions
{
    /// <summary>Options for the moderators' admin API and page.</summary>
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<AdminOptions, AdminOptionsValidator>().BindConfiguration(AdminOptions.SectionName);
        builder.Services.AddSingleton<AdminTokenFilter>();
        return builder;
    }

    /// <summary>
    /// The /admin/api group, behind the bearer token (404 when Admin:Token is empty). Features add
    /// their own routes to it (ingestion: POST poll; digest: digests).
    /// </summary>
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/admin/api")
            .AddEndpointFilter<AdminTokenFilter>()
            .WithTags("Admin")
            .DisableAntiforgery();
}
