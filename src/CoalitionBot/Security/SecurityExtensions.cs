namespace CoalitionBot.Security;

internal static class SecurityExtensions
{
    /// <summary>The count of refused unauthenticated requests and the handler of last resort.</summary>
    public static IHostApplicationBuilder AddSecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Refusals>();
        builder.Services.AddHostedService(services => services.GetRequiredService<Refusals>());
        builder.Services.AddSingleton<UnhandledExceptions>();
        return builder;
    }

    /// <summary>Anything that throws, anywhere, answers a clean JSON error and writes one log line.</summary>
    public static IApplicationBuilder UseSecurity(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context => context.RequestServices.GetRequiredService<UnhandledExceptions>().HandleAsync(context),
            // Our handler writes the one line; the middleware's own would add the stack trace.
            SuppressDiagnosticsCallback = _ => true,
        });
}
