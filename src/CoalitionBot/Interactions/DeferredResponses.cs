using System.Net;
using System.Threading.Channels;
using CoalitionBot.Discord;

namespace CoalitionBot.Interactions;

/// Runs deferred commands after their "thinking…" answer has gone out, and edits that answer.
/// A background service, so the work outlives the HTTP request that started it.
internal sealed class DeferredResponses(DiscordClient discord, TimeProvider time, ILogger<DeferredResponses> logger) : BackgroundService
{
    /// The interaction token is valid for 15 minutes; past that an edit can only fail.
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(14);

    /// Discord may not have processed our deferral when the edit arrives (404 Unknown Webhook).
    private static readonly TimeSpan[] EditRetryDelays = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    private readonly Channel<DeferredWork> queue = Channel.CreateBounded<DeferredWork>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Enqueue(DeferredWork work)
    {
        if (!queue.Writer.TryWrite(work))
        {
            Log.DeferredQueueFull(logger, work.Command);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken))
            {
                // Each runs on its own so one slow command does not hold up the next.
                _ = Task.Run(() => RunAsync(work, stoppingToken), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: nothing left to answer.
        }
    }

    internal async Task RunAsync(DeferredWork work, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(TokenLifetime, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        DeferredAnswer answer;
        try
        {
            answer = await work.Work(linked.Token);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            Log.CommandFailed(logger, exception, work.Command);
            answer = new DeferredAnswer(CommandReply.Edit(work.Texts.SomethingWentWrong), []);
        }

        if (await EditAsync(work, answer.Original, linked.Token))
        {
            await FollowUpAsync(work, answer.FollowUps, linked.Token);
        }
    }

    /// The rest of an answer too long for one message, in order, as private as the first part.
    private async Task FollowUpAsync(DeferredWork work, IReadOnlyList<Discord.Models.WebhookMessageCreate> followUps, CancellationToken cancellationToken)
    {
        foreach (var followUp in followUps)
        {
            try
            {
                await discord.CreateFollowupMessageAsync(work.ApplicationId, work.Token, followUp with { Flags = work.Ephemeral ? CommandReply.EphemeralFlag : null }, cancellationToken);
            }
            catch (Exception exception) when (exception is DiscordApiException or HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
            {
                Log.EditFailed(logger, work.Command, exception.Message);
                return;
            }
        }
    }

    private async Task<bool> EditAsync(DeferredWork work, Discord.Models.WebhookMessageEdit edit, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await discord.EditOriginalResponseAsync(work.ApplicationId, work.Token, edit, cancellationToken);
                return true;
            }
            catch (DiscordApiException exception) when (exception.Status == HttpStatusCode.NotFound
                && exception.Code != DiscordApiException.UnknownMessage && attempt < EditRetryDelays.Length)
            {
                await Task.Delay(EditRetryDelays[attempt], time, cancellationToken);
            }
            catch (Exception exception) when (exception is DiscordApiException or HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
            {
                // 10008: the member dismissed the "thinking…" message; anything else: nothing more to try.
                Log.EditFailed(logger, work.Command, exception.Message);
                return false;
            }
        }
    }
}
