using CoalitionBot.Storage;
using Microsoft.AspNetCore.Connections;

namespace CoalitionBot;

/// Serving, and what the command line gets wrong, each said in one line.
internal static class CommandLine
{
    public const string Usage = """
        Usage: CoalitionBot [COMMAND]

        With no command, the bot serves: POST /interactions, /healthz, the admin page, the poll and the digests.
        Settings come from appsettings.json, the environment (Discord__BotToken, ...) and .env under Docker.

        Commands:
          register-commands                                  register the slash commands on the server
          digest --preview [--date YYYY-MM-DD] [--sample]    write a digest to data/preview/ without mailing it

        Options:
          --help, -h               print this help and exit
          --version                print the version and exit
          --Section:Key=value      a setting, as in appsettings.json (also --urls=http://127.0.0.1:5080)
        """;

    /// Top-level settings that may be given as switches: the ASP.NET Core tooling passes the first
    /// three (the test host, dotnet run), and --urls=X is the usual way to choose where to listen.
    private static readonly string[] HostSwitches = ["--environment=", "--contentRoot=", "--applicationName=", "--urls="];

    /// A setting on the command line (docs/configuration.md): --Section:Key=value, or a host switch above.
    public static bool IsSetting(string argument) =>
        HostSwitches.Any(s => argument.StartsWith(s, StringComparison.OrdinalIgnoreCase))
        || (argument.StartsWith("--", StringComparison.Ordinal) && argument.IndexOf('=', StringComparison.Ordinal) is > 2 and var equals && argument.AsSpan(2, equals - 2).Contains(':'));

    /// The command line without its settings: the command, then its arguments.
    public static string[] Arguments(string[] args) => [.. args.Where(a => !IsSetting(a))];

    /// What is answered before the host is built: --help and --version print and exit 0; any other
    /// option before a command is refused in one line with exit code 2 (it would otherwise start a server).
    /// Null: go on (serve, or run the command named first).
    public static int? Early(string[] args, TextWriter output, TextWriter error)
    {
        switch (Arguments(args).FirstOrDefault())
        {
            case "--help" or "-h":
                output.WriteLine(Usage);
                return 0;
            case "--version":
                output.WriteLine("CoalitionBot " + Discord.DiscordExtensions.Version);
                return 0;
            case { } option when option.StartsWith('-'):
                error.WriteLine($"Unknown option \"{option}\": the options are --help and --version; the commands are register-commands and digest --preview (see --help)");
                return 2;
            default:
                return null;
        }
    }

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
