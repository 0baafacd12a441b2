using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using CoalitionBot.Discord;
using CoalitionBot.Discord.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Benchmarks.Tools;

/// fake-discord --url URL --guild ID [--messages N] [--certificate-out FILE]: the REST API the bot
/// polls, for the load run,
/// so that the measured bot is the whole application (Quartz polling, the HTTP client, LiteDB
/// writes, deferred answers), not an idle shell. Answers are serialised with the bot's own models;
/// the tests, not this tool, check them against Discord's OpenAPI description. New messages keep
/// arriving (one every few seconds in one channel), so every poll has something to store. Also
/// answers the Uptime Kuma push and the deferred-answer edits. With --certificate-out it speaks
/// HTTPS, as Discord does, with a certificate made for 127.0.0.1 at start and written to FILE (PEM)
/// for the bot to trust (SSL_CERT_FILE): the bot's memory then includes its TLS client, as it does
/// in production.
internal static class FakeDiscord
{
    private const long DiscordEpochMs = 1420070400000;

    /// A self-signed certificate for 127.0.0.1, its own authority, valid for a day.
    private static X509Certificate2 LoopbackCertificate(DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=fake-discord", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new Arguments(args);
        var guild = ulong.Parse(arguments.Get("guild"), CultureInfo.InvariantCulture);
        var clock = TimeProvider.System;
        var start = clock.GetUtcNow();
        var server = new Server(guild, arguments.GetInt("messages", 300), start);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(arguments.Get("url"));
        if (arguments.Get("certificate-out", "") is { Length: > 0 } certificateFile)
        {
            var certificate = LoopbackCertificate(start);
            await File.WriteAllTextAsync(certificateFile, certificate.ExportCertificatePem());
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        var api = app.MapGroup("/api/v10");
        api.MapGet("/guilds/{id}/channels", () => Json(server.Channels(clock.GetUtcNow()), DiscordJsonContext.Default.IReadOnlyListChannel));
        api.MapGet("/guilds/{id}/threads/active", () => Json(new ThreadList([]), DiscordJsonContext.Default.ThreadList));
        api.MapGet("/guilds/{id}", () => Json(server.Guild, DiscordJsonContext.Default.Guild));
        api.MapGet("/guilds/{id}/members/{user}", (ulong user) => Json(new GuildMember(server.Author(user), null), DiscordJsonContext.Default.GuildMember));
        api.MapGet("/channels/{id}/threads/archived/public", () => Json(new ThreadList([]), DiscordJsonContext.Default.ThreadList));
        api.MapGet("/channels/{id}/messages", (ulong id, int? limit, ulong? after, ulong? before) =>
            Json(server.Page(id, limit ?? 50, after, before, clock.GetUtcNow()), DiscordJsonContext.Default.IReadOnlyListMessage));
        api.MapPatch("/webhooks/{application}/{token}/messages/@original", () => Results.Text("{}", "application/json"));
        api.MapPost("/webhooks/{application}/{token}", () => Results.Text("{}", "application/json"));
        app.MapGet("/api/push/{key}", () => Results.Text("""{"ok":true}""", "application/json"));
        await app.RunAsync();
        return 0;
    }

    private static IResult Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        Results.Text(JsonSerializer.Serialize(value, type), "application/json");

    /// A small server: a category, two text channels, two authors; history over the last 12 hours
    /// and a new message in #general every 5 seconds since the tool started.
    private sealed class Server
    {
        private readonly ulong guild;
        private readonly List<Message> history = [];
        private readonly DateTimeOffset start;
        private readonly User[] authors;

        public Server(ulong guild, int messages, DateTimeOffset start)
        {
            this.guild = guild;
            this.start = start;
            authors = [new User(guild + 100, "camille", "Camille"), new User(guild + 101, "jules", "Jules")];
            Guild = new Guild(guild, "Coalition (bench)", [new Role(guild, "@everyone", 0, "1071698660929")]);
            for (var i = 0; i < messages; i++)
            {
                var at = start.AddHours(-12).AddSeconds(i * 12 * 3600.0 / messages);
                history.Add(MessageAt(i % 2 == 0 ? guild + 2 : guild + 3, at, i));
            }
        }

        /// The channels with their last_message_id, which is how the bot knows a channel has news.
        public IReadOnlyList<Channel> Channels(DateTimeOffset now) =>
        [
            new Channel(guild + 1, ChannelTypes.GuildCategory, "Coalition", 0, null, guild),
            new Channel(guild + 2, ChannelTypes.GuildText, "general", 0, guild + 1, guild, Messages(guild + 2, now).Last().Id),
            new Channel(guild + 3, ChannelTypes.GuildText, "annonces", 1, guild + 1, guild, Messages(guild + 3, now).Last().Id),
        ];

        public Guild Guild { get; }

        public User Author(ulong id) => authors.FirstOrDefault(a => a.Id == id) ?? authors[0];

        /// Discord's paging: ids strictly after or before the given one, newest first, at most limit.
        public IReadOnlyList<Message> Page(ulong channel, int limit, ulong? after, ulong? before, DateTimeOffset now)
        {
            var all = Messages(channel, now);
            var selected = after is { } a ? all.Where(m => m.Id > a).Take(limit)
                : before is { } b ? all.Where(m => m.Id < b).TakeLast(limit)
                : all.TakeLast(limit);
            return [.. selected.OrderByDescending(m => m.Id)];
        }

        /// A channel's messages at this moment, oldest first.
        private IEnumerable<Message> Messages(ulong channel, DateTimeOffset now)
        {
            var live = (int)((now - start).TotalSeconds / 5);
            return history.Where(m => m.ChannelId == channel)
                .Concat(channel == guild + 2 ? Enumerable.Range(0, live).Select(i => MessageAt(channel, start.AddSeconds(5 * (i + 1)), 100_000 + i)) : [])
                .OrderBy(m => m.Id);
        }

        private Message MessageAt(ulong channel, DateTimeOffset at, int index)
        {
            var id = ((ulong)(at.ToUnixTimeMilliseconds() - DiscordEpochMs) << 22) | (uint)(index & 0xFFF);
            var content = string.Create(CultureInfo.InvariantCulture, $"Message {index}: la **réunion** de jeudi, le compte rendu est dans <#{guild + 3}>.");
            return new Message(id, channel, authors[index % 2], content, at);
        }
    }
}
