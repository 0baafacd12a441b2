namespace CoalitionBot.Configuration;

internal static class StartupChecks
{
    /// Resolves every options section; logs one line per bad key. False means: do not start.
    public static bool ConfigurationIsValid(WebApplication app)
    {
        var errors = OptionsRegistration.FindConfigurationErrors(app.Services);
        foreach (var error in errors)
        {
            Log.ConfigurationError(app.Logger, error);
        }

        return errors.Count == 0;
    }
}
