using System.Net;
using System.Threading.Channels;
using CoalitionBot.Discord;

namespace CoalitionBot.Interactions;

/// Runs deferred commands after their "thinking…" answer has gone out, and edits that answer.
/// A background service, so the work outlives the HTTP request that started it.
internal sealed class DeferredResponses : BackgroundService
{
    /// The interaction token is valid for 15 minutes; past that an edit can only fail.
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(14);

    /// Discord may not have processed our deferral when the edit arrives (404 Unknown Webhook).
    private static readonly TimeSpan[] EditRetryDelays = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    private readonly DiscordClient discord;
    private readonly TimeProvider time;
    private readonly ILogger<DeferredResponses> logger;

    /// Deferred commands run at once at most; the rest wait their turn in the queue, so a rush of
    /// members cannot start an unbounded number of reads of Discord and the database.
    public const int MaxRunning = 4;

    /// Waiting commands beyond which new ones are answered "try again in a minute" instead of deferred.
    public const int QueueCapacity = 256;

    private readonly Channel<(DeferredWork Work, DateTimeOffset QueuedAt)> queue;
    private readonly SemaphoreSlim running = new(MaxRunning, MaxRunning);

    public DeferredResponses(DiscordClient discord, TimeProvider time, ILogger<DeferredResponses> logger)
    {
        this.discord = discord;
        this.time = time;
        this.logger = logger;
        queue = Channel.CreateBounded<(DeferredWork, DateTimeOffset)>(
            new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest },
            dropped => Log.DeferredQueueFull(logger, dropped.Item1.Command));
    }

    /// Commands waiting for their turn.
    public int Waiting => queue.Reader.Count;

    /// Whether one more deferred command can wait its turn (the router checks before answering "thinking…").
    public bool HasRoom => queue.Reader.Count < QueueCapacity;

    public void Enqueue(DeferredWork work) => queue.Writer.TryWrite((work, time.GetUtcNow()));

    public override void Dispose()
    {
        running.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (work, queuedAt) in queue.Reader.ReadAllAsync(stoppingToken))
            {
                // Each runs on its own so one slow command does not hold up the next, MaxRunning at a time.
                await running.WaitAsync(stoppingToken);
                _ = Task.Run(
                    async () =>
                    {
                        try
                        {
                            await RunAsync(work, queuedAt, stoppingToken);
                        }
                        finally
                        {
                            running.Release();
                        }
                    },
                    stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: nothing left to answer.
        }
    }

    private async Task RunAsync(DeferredWork work, DateTimeOffset queuedAt, CancellationToken stoppingToken)
    {
        // The interaction token's lifetime counts from when Discord sent it, not from our turn.
        var left = TokenLifetime - (time.GetUtcNow() - queuedAt);
        if (left <= TimeSpan.Zero)
        {
            Log.DeferredExpired(logger, work.Command);
            return;
        }

        using var timeout = new CancellationTokenSource(left, time);
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
