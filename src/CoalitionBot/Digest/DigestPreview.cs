using System.Globalization;
using CoalitionBot.Digest.Rendering;
using CoalitionBot.Digest.Sample;
using CoalitionBot.Localization;
using CoalitionBot.Mail;
using CoalitionBot.Storage;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Digest;

/// The `digest --preview [--date YYYY-MM-DD] [--sample]` subcommand: renders a day's digest to
/// data/outbox/ without mailing it, from the database or from the shipped sample server.
internal static class DigestPreview
{
    public const string Verb = "digest";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (!args.Contains("--preview"))
        {
            await Console.Error.WriteLineAsync("Usage: digest --preview [--date YYYY-MM-DD] [--sample]");
            return 2;
        }

        var options = services.GetRequiredService<IOptions<DigestOptions>>().Value;
        var zone = options.GetZone();
        var time = services.GetRequiredService<TimeProvider>();
        DateOnly day;
        var dateIndex = args.ToList().IndexOf("--date");
        if (dateIndex >= 0)
        {
            if (dateIndex + 1 >= args.Count
                || !DateOnly.TryParseExact(args[dateIndex + 1], DigestLedger.DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            {
                await Console.Error.WriteLineAsync("--date needs a day as YYYY-MM-DD.");
                return 2;
            }
        }
        else
        {
            day = DigestPeriod.LastCompleteDay(time.GetUtcNow(), zone);
        }

        RenderedDigest rendered;
        if (args.Contains("--sample"))
        {
            var digest = DigestBuilder.Build(new DigestRequest(
                DigestPeriod.ForDay(day, zone), SampleServer.GuildId, SampleServer.Messages(day, zone), SampleServer.Channels, SampleServer.Lists, PreviousDayMessages: 11)
            { Settings = new DigestSettings(SizeBudget: options.MaxBytes) });
            rendered = DigestRenderer.Render(digest, new DigestRenderContext(DigestTexts.For(Languages.FromCode(options.Language)), SampleServer.Name, zone));
        }
        else
        {
            rendered = services.GetRequiredService<DigestService>().Render(day).Rendered;
        }

        var folder = OutboxDirectoryTransport.OutboxFolder(services.GetRequiredService<IOptions<StorageOptions>>().Value);
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, "preview-" + DigestLedger.Key(day) + (args.Contains("--sample") ? "-sample" : ""));
        await File.WriteAllTextAsync(stem + ".html", rendered.Html, cancellationToken);
        await File.WriteAllTextAsync(stem + ".txt", rendered.Text, cancellationToken);
        Console.WriteLine(rendered.Subject);
        Console.WriteLine(stem + ".html");
        Console.WriteLine(stem + ".txt");
        return 0;
    }
}
