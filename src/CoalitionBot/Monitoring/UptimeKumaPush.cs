using Microsoft.Extensions.Options;

namespace CoalitionBot.Monitoring;

/// Calls Uptime Kuma's push URL after each successful poll and digest, so that silence (a stuck or
/// dead bot) turns into an alert. A failed push is logged once until pushes work again; it never
/// fails the work it reports on.
internal sealed class UptimeKumaPush(HttpClient http, IOptions<MonitoringOptions> options, ILogger<UptimeKumaPush> logger)
{
    private int failing;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.PushUrl);

    /// Pushes "up" with a short message (e.g. "poll: 3 messages").
    public async Task PushAsync(string message, CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            return;
        }

        try
        {
            using var response = await http.GetAsync(WithMessage(options.Value.PushUrl!, message), cancellationToken);
            response.EnsureSuccessStatusCode();
            if (Interlocked.Exchange(ref failing, 0) == 1)
            {
                Log.PushRecovered(logger);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            if (Interlocked.Exchange(ref failing, 1) == 0)
            {
                Log.PushFailed(logger, exception.Message);
            }
        }
    }

    /// Uptime Kuma's URL carries status=up&amp;msg=OK&amp;ping=; our message replaces msg.
    internal static Uri WithMessage(string pushUrl, string message)
    {
        var builder = new UriBuilder(pushUrl);
        var query = System.Web.HttpUtility.ParseQueryString(builder.Query);
        query["status"] = "up";
        query["msg"] = message;
        builder.Query = query.ToString();
        return builder.Uri;
    }
}
