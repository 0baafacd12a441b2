using CoalitionBot.Digest.Rendering;
using CoalitionBot.Mail;
using CoalitionBot.Monitoring;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Digest;

/// Hands a rendered digest to the mail transport, addressed from Digest:From to Digest:To, and
/// reports a sent one to the log and the monitoring.
internal sealed class DigestMailer(IMailTransport transport, UptimeKumaPush monitoring, IOptions<DigestOptions> options, ILogger<DigestService> logger)
{
    public bool IsAddressed => !string.IsNullOrWhiteSpace(options.Value.To);

    public bool SendEmptyDays => options.Value.SendEmptyDays;

    public Task SendAsync(RenderedDigest rendered, string messageId, DateTimeOffset date, CancellationToken cancellationToken) =>
        transport.SendAsync(MailComposer.Compose(rendered, options.Value, messageId, date), cancellationToken);

    public async Task ReportSentAsync(DigestRecord record, CancellationToken cancellationToken)
    {
        Log.DigestSent(logger, record.Id, record.Messages, transport.Description);
        await monitoring.PushAsync($"digest {record.Id}: {record.Messages} messages", cancellationToken);
    }
}
