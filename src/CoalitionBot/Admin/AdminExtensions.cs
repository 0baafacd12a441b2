using CoalitionBot.Configuration;
using CoalitionBot.Localization;
using CoalitionBot.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Admin;

internal static class AdminExtensions
{
    /// <summary>The moderators' admin API and page: token check, session, log buffer, OpenAPI.</summary>
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<AdminOptions, AdminOptionsValidator>().BindConfiguration(AdminOptions.SectionName);
        builder.Services.AddSingleton<AdminEnabledFilter>();
        builder.Services.AddSingleton<AdminTokenFilter>();
        builder.Services.AddSingleton<AdminForm>();
        builder.Services.AddSingleton<AdminSession>();
        builder.Services.AddSingleton<AdminSessionStore>();
        builder.Services.AddSingleton<DiscordModerators>();
        builder.Services.AddSingleton<DiscordSessionCheck>();
        builder.Services.AddSingleton<FailedAttempts>();
        builder.AddLocale();
        builder.Services.AddSingleton<AdminStatus>();
        builder.Services.AddSingleton<StatusSections>();
        builder.Services.AddSingleton<AdminChannels>();
        builder.Services.AddSingleton<AdminAudience>();
        builder.Services.AddSingleton<AdminSwitches>();
        builder.Services.AddSingleton<AdminOperations>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AdminOperations>());
        builder.Services.TryAddSingleton<FeatureStates>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<LogBuffer>();
        builder.Logging.Services.AddSingleton<ILoggerProvider>(services => services.GetRequiredService<LogBuffer>());
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, AdminJsonContext.Default));
        builder.Services.AddOpenApi();

        // Anti-forgery tokens must survive a restart of the container, so their keys live with the data
        // (resolved from the bound options, when the ring is first needed, not from the builder).
        builder.Services.AddDataProtection().SetApplicationName("CoalitionBot");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>, ILoggerFactory>((options, storage, loggers) =>
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(KeysFolder(storage.Value)), loggers));
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "coalitionbot_antiforgery";
            options.Cookie.Path = "/admin";
            options.Cookie.SameSite = SameSiteMode.Strict;
            // Kestrel sees plain HTTP behind Caddy (X-Forwarded-Proto restores https) and on localhost.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = "__token";
        });

        // Data Protection loads (or creates) its key ring at start-up in a hosted service, which costs
        // the first PING tens of milliseconds and a few MiB of crypto and XML for a page moderators
        // open rarely (issue 7). Without it the ring loads at the first anti-forgery token instead.
        // AddAntiforgery registers that service again, so it is removed after it.
        var warmUp = builder.Services.FirstOrDefault(descriptor => descriptor.ServiceType == typeof(IHostedService)
            && descriptor.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService");
        if (warmUp is not null)
        {
            builder.Services.Remove(warmUp);
        }

        TrustOnlyConfiguredProxies(builder.Services);
        return builder;
    }

    /// <summary>
    /// Believes X-Forwarded-For and X-Forwarded-Proto from the senders in Admin:TrustedProxies only
    /// (one hop: the address Caddy appends), so the sign-in lockout and the logs see the real client.
    /// With the list empty, no middleware at all.
    /// </summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value.ForwardedHeaders != ForwardedHeaders.None)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    private static void TrustOnlyConfiguredProxies(IServiceCollection services)
    {
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true makes the framework add its own forwarded-headers
        // middleware that believes every sender; here only Admin:TrustedProxies decides.
        var frameworkFilter = services.FirstOrDefault(descriptor => descriptor.ServiceType == typeof(IStartupFilter)
            && descriptor.ImplementationType?.Name == "ForwardedHeadersStartupFilter");
        if (frameworkFilter is not null)
        {
            services.Remove(frameworkFilter);
        }

        // Post-configured, so these lists win over any other setup, the framework's included.
        services.AddOptions<ForwardedHeadersOptions>().PostConfigure<IOptions<AdminOptions>>((forwarded, admin) =>
        {
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            forwarded.ForwardLimit = 1;
            // A malformed list stops the start (AdminOptionsValidator); nothing is trusted meanwhile.
            var proxies = TrustedProxies.TryParse(admin.Value.TrustedProxies, out var parsed, out _) ? parsed : TrustedProxies.None;
            forwarded.ForwardedHeaders = proxies.IsEmpty ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var address in proxies.Addresses)
            {
                forwarded.KnownProxies.Add(address);
            }

            foreach (var network in proxies.Networks)
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });
    }

    /// <summary>The data-protection key ring's folder: keys/ beside the LiteDB file.</summary>
    public static string KeysFolder(StorageOptions storage) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.Path)) ?? ".", "keys");

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
            .AddEndpointFilter<AdminEnabledFilter>()
            .AddEndpointFilter<AdminTokenFilter>()
            .WithTags("Admin")
            .DisableAntiforgery()
            .MapAdminRoutes()
            .MapAuditRoutes();
    }
}
