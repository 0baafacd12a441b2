using CoalitionBot.Configuration;
using CoalitionBot.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoalitionBot.Admin;

internal static class AdminExtensions
{
    /// <summary>The moderators' admin API and page: token check, session, log buffer, OpenAPI.</summary>
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<AdminOptions, AdminOptionsValidator>().BindConfiguration(AdminOptions.SectionName);
        builder.Services.AddSingleton<AdminTokenFilter>();
        builder.Services.AddSingleton<AdminSession>();
        builder.Services.AddSingleton<FailedAttempts>();
        builder.Services.AddSingleton<AdminService>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<LogBuffer>();
        builder.Logging.Services.AddSingleton<ILoggerProvider>(services => services.GetRequiredService<LogBuffer>());
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, AdminJsonContext.Default));
        builder.Services.AddOpenApi();

        // Anti-forgery tokens must survive a restart of the container, so their keys live with the data.
        var dataFolder = Path.GetDirectoryName(Path.GetFullPath(builder.Configuration[$"{StorageOptions.SectionName}:Path"] ?? new StorageOptions().Path)) ?? ".";
        builder.Services.AddDataProtection()
            .SetApplicationName("CoalitionBot")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder, "keys")));
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "coalitionbot_antiforgery";
            options.Cookie.Path = "/admin";
            options.Cookie.SameSite = SameSiteMode.Strict;
            // Kestrel sees plain HTTP behind Caddy (X-Forwarded-Proto restores https) and on localhost.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = "__token";
        });
        return builder;
    }

    /// <summary>
    /// The admin page at /admin, the OpenAPI description at /openapi/v1.json, and the /admin/api
    /// group behind the bearer token (404 when Admin:Token is empty). Features add their own routes
    /// to the returned group (ingestion: POST poll; digest: digests).
    /// </summary>
    public static RouteGroupBuilder MapAdmin(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapAdminPage();
        return app.MapGroup("/admin/api")
            .AddEndpointFilter<AdminTokenFilter>()
            .WithTags("Admin")
            .DisableAntiforgery()
            .MapAdminRoutes();
    }
}
