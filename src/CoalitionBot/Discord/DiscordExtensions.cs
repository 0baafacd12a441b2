using System.Net;
using System.Net.Http.Headers;
using CoalitionBot.Configuration;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Discord;

internal static class DiscordExtensions
{
    public const string UserAgentUrl = "https://coalitionbot.example";

    /// <summary>The Discord options, the typed REST client and the cached channel list.</summary>
    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<DiscordOptions, DiscordOptionsValidator>().BindConfiguration(DiscordOptions.SectionName);
        builder.Services.AddHttpClient<DiscordClient>((services, http) =>
            {
                var options = services.GetRequiredService<IOptions<DiscordOptions>>().Value;
                http.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
                http.Timeout = TimeSpan.FromSeconds(30);
                http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("DiscordBot", null));
                http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue($"({UserAgentUrl}, {Version})"));
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        builder.Services.AddSingleton<GuildChannelCache>();
        return builder;
    }

    public static string Version { get; } = typeof(DiscordExtensions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
