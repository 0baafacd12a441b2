using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Tests.Support;

/// The real application, with a temporary data folder, a generated Ed25519 key, and Discord's
/// REST API played by WireMock.
public sealed class CoalitionBotFactory(
    IReadOnlyDictionary<string, string?> settings,
    LogCollector logs,
    Action<IServiceCollection>? configureServices = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
        // The console stays quiet; the application's own providers (the admin log buffer) stay on.
        builder.ConfigureLogging(logging => logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(_ => false).AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        // Tests drive polls and jobs themselves: the scheduler is built but not started, so no poll
        // fires in the middle of a test. A test that wants it running sets AutoStart back.
        builder.ConfigureServices(services => services.Configure<Quartz.QuartzHostedServiceOptions>(options => options.AutoStart = false));
        if (configureServices is not null)
        {
            builder.ConfigureServices(configureServices);
        }
    }
}
