using CoalitionBot.Admin;
using CoalitionBot.Operations;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoalitionBot.Health;

internal static class HealthExtensions
{
    /// <summary>Health checks (storage, configuration) and the start-up report of what is off.</summary>
    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(new ProcessStart(TimeProvider.System.GetUtcNow()));
        builder.Services.TryAddSingleton<FeatureStates>();
        builder.Services.AddHostedService<StartupReport>();
        builder.Services.AddHealthChecks()
            .AddCheck<ConfigurationHealthCheck>("configuration");
        return builder;
    }

    /// <summary>GET /healthz: 200 when serving, 503 when unhealthy, JSON either way.</summary>
    public static IEndpointConventionBuilder MapHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = HealthResponseWriter.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
}
