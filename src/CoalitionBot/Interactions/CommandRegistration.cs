using CoalitionBot.Discord;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Interactions;

/// The register-commands subcommand: replaces the server's slash commands with the catalog's.
internal static class CommandRegistration
{
    public const string Verb = "register-commands";

    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILogger<DiscordClient>>();
        var options = services.GetRequiredService<IOptions<DiscordOptions>>().Value;
        List<string> missing = [];
        if (options.ApplicationSnowflake is null)
        {
            missing.Add("Discord:ApplicationId");
        }

        if (options.GuildSnowflake is null)
        {
            missing.Add("Discord:GuildId");
        }

        if (!options.HasBotToken)
        {
            missing.Add("Discord:BotToken");
        }

        if (missing.Count > 0)
        {
            Log.RegistrationFailed(logger, string.Join(", ", missing) + " must be set");
            return 1;
        }

        var client = services.GetRequiredService<DiscordClient>();
        try
        {
            var registered = await client.BulkOverwriteGuildCommandsAsync(options.ApplicationSnowflake!.Value, options.GuildSnowflake!.Value, CommandCatalog.All, cancellationToken);
            Log.CommandsRegistered(logger, registered.Count, options.GuildSnowflake.Value);
            return 0;
        }
        catch (Exception exception) when (exception is DiscordApiException or HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            Log.RegistrationFailed(logger, exception.Message);
            return 1;
        }
    }
}
