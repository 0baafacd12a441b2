using CoalitionBot.Configuration;
using CoalitionBot.Digest;
using CoalitionBot.Localization;
using CoalitionBot.Operations;
using CoalitionBot.Scheduling;
using CoalitionBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace CoalitionBot.Ingestion;

internal static class IngestionExtensions
{
    /// <summary>
    /// Polling Discord for new messages: the poller, its Quartz job (triggered every
    /// Ingestion:PollInterval only when Discord:BotToken and Discord:GuildId are set), the daily
    /// retention job, and the "polling" health check.
    /// </summary>
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<IngestionOptions, IngestionOptionsValidator>().BindConfiguration(IngestionOptions.SectionName);
        builder.AddLocale();
        builder.Services.AddSingleton<PollStatus>();
        builder.Services.TryAddSingleton(new ProcessStart(TimeProvider.System.GetUtcNow()));
        builder.Services.AddSingleton<NameDirectory>();
        builder.Services.AddSingleton<ChannelDiscovery>();
        builder.Services.AddSingleton<ChannelReader>();
        builder.Services.AddSingleton<IngestionGate>();
        builder.Services.AddSingleton<ReadWindow>();
        builder.Services.AddSingleton<Poller>();
        builder.Services.AddSingleton<PeriodRefresh>();
        builder.Services.AddSingleton<IStatusSection, PollingStatusSection>();
        builder.Services.AddSingleton<IAdminAction, PollNowAction>();
        builder.Services.AddSingleton<IDigestPreparation, RefreshBeforeDigest>();
        builder.Services.AddHealthChecks().AddCheck<PollingHealthCheck>("polling");
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, IngestionJsonContext.Default));

        builder.AddScheduling(quartz =>
        {
            // Stored without a trigger; PollSchedule adds one at start when polling is configured.
            quartz.AddJob<PollJob>(job => job.WithIdentity(PollJob.Key).StoreDurably());

            // Retention runs whether or not polling does: stored messages age all the same.
            quartz.ScheduleJob<RetentionJob>(
                (services, trigger) => trigger
                    .WithIdentity(RetentionJob.Key.Name)
                    .WithCronSchedule("0 30 3 * * ?", cron => cron.InTimeZone(services.GetRequiredService<IOptions<LocaleOptions>>().Value.GetZone())),
                (_, job) => job.WithIdentity(RetentionJob.Key));
        });
        builder.Services.AddHostedService<PollSchedule>();
        return builder;
    }

    /// <summary>
    /// POST /admin/api/poll: runs a poll now (trying the bot token at once even while Discord rejects
    /// it) and answers with what it did; 409 when it cannot poll, 502 when Discord failed it.
    /// </summary>
    public static RouteGroupBuilder MapIngestion(this RouteGroupBuilder adminApi)
    {
        adminApi.MapPost("/poll", PollNowAsync)
            .WithName("PollNow")
            .WithSummary("Runs a poll now and answers when it has finished.");
        return adminApi;
    }

    private static async Task<Results<Ok<PollSummary>, ProblemHttpResult>> PollNowAsync(
        Poller poller, AuditTrail audit, IOptions<LocaleOptions> locale, CancellationToken cancellationToken)
    {
        var summary = await poller.PollNowAsync(cancellationToken);
        audit.Record(Actor.Token, AuditKinds.PollNow, detail: PollNowAction.Describe(summary, locale.Value.GetLanguage()).Message);
        return summary.Outcome switch
        {
            PollOutcomes.Off => TypedResults.Problem(summary.Error, statusCode: StatusCodes.Status409Conflict, title: "Polling is off"),
            PollOutcomes.Stopped => TypedResults.Problem(summary.Error, statusCode: StatusCodes.Status409Conflict, title: "Discord rejects the bot token"),
            PollOutcomes.Failed => TypedResults.Problem(summary.Error, statusCode: StatusCodes.Status502BadGateway, title: "The poll failed"),
            _ => TypedResults.Ok(summary),
        };
    }
}
