using CoalitionBot.Storage;
using Microsoft.AspNetCore.Connections;

namespace CoalitionBot;

/// Serving, and what the command line gets wrong, each said in one line.
internal static class CommandLine
{
    public static async Task<int> ServeAsync(WebApplication app)
    {
        // Started and awaited separately (not RunAsync): a failed start leaves the host alive to log it.
        try
        {
            await app.StartAsync();
        }
        catch (IOException exception) when (exception.InnerException is AddressInUseException)
        {
            var urls = app.Configuration["urls"] ?? "the configured address";
            Configuration.Log.CannotListen(app.Logger, urls, exception.Message);
            return 1;
        }
        catch (DatabaseInUseException exception)
        {
            // A second bot on the same file would write it at the same time as the first.
            Configuration.Log.DatabaseInUse(app.Logger, exception.Message);
            return 1;
        }

        await app.WaitForShutdownAsync();
        return 0;
    }

    /// A mistyped verb must not quietly start a second server.
    public static int Unknown(WebApplication app, string verb)
    {
        Configuration.Log.UnknownCommand(app.Logger, verb);
        return 2;
    }
}
