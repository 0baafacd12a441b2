using System.Globalization;
using CoalitionBot.Digest.Rendering;
using CoalitionBot.Digest.Sample;
using CoalitionBot.Localization;
using CoalitionBot.Mail;
using CoalitionBot.Storage;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Digest;

/// The `digest --preview [--date YYYY-MM-DD] [--sample]` subcommand: renders a day's digest to
/// data/outbox/ without mailing it, from the database or from the shipped sample server, with the
/// model's abstract when Summarization:Endpoint is set (even while moderators have it switched off).
internal static class DigestPreview
{
    public const string Verb = "digest";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, CancellationToken cancellationToken, TextWriter? output = null)
    {
        output ??= Console.Out;
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
        AbstractResult summary;
        if (args.Contains("--sample"))
        {
            var digest = DigestBuilder.Build(new DigestRequest(
                DigestPeriod.ForDay(day, zone), SampleServer.GuildId, SampleServer.Messages(day, zone), SampleServer.Channels, SampleServer.Lists, PreviousDayMessages: 11)
            { Settings = new DigestSettings(SizeBudget: options.MaxBytes) });
            var context = new DigestRenderContext(DigestTexts.For(Languages.FromCode(options.Language)), SampleServer.Name, zone);
            summary = await services.GetRequiredService<IDigestAbstracts>().WriteAsync(digest, context, AbstractUse.Preview, cancellationToken);
            rendered = DigestRenderer.Render(digest with { Abstract = summary.Abstract }, context);
        }
        else
        {
            try
            {
                (_, rendered, summary) = await services.GetRequiredService<DigestService>().PreviewAsync(day, cancellationToken);
            }
            catch (DatabaseInUseException exception)
            {
                // LiteDB has no safe read-only view of a file another process writes: refuse, in one line.
                await Console.Error.WriteLineAsync(exception.Message);
                return 1;
            }
        }

        var folder = OutboxDirectoryTransport.OutboxFolder(services.GetRequiredService<IOptions<StorageOptions>>().Value);
        OwnerOnly.CreateFolder(folder);
        var stem = Path.Combine(folder, "preview-" + DigestLedger.Key(day) + (args.Contains("--sample") ? "-sample" : ""));
        await WriteAsync(stem + ".html", rendered.Html, cancellationToken);
        await WriteAsync(stem + ".txt", rendered.Text, cancellationToken);
        await output.WriteLineAsync(rendered.Subject);
        await output.WriteLineAsync(summary.Abstract is { } written ? $"Abstract: written by {written.Model}" : $"Abstract: none ({summary.Skipped})");
        await output.WriteLineAsync(stem + ".html");
        await output.WriteLineAsync(stem + ".txt");
        return 0;
    }

    /// Previews quote members' messages: owner-only, like the database.
    private static async Task WriteAsync(string path, string content, CancellationToken cancellationToken)
    {
        await using var file = OwnerOnly.Create(path);
        await using var writer = new StreamWriter(file);
        await writer.WriteAsync(content.AsMemory(), cancellationToken);
    }
}
