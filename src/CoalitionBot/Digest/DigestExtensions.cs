using System.Globalization;
using CoalitionBot.Configuration;
using CoalitionBot.Operations;
using CoalitionBot.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace CoalitionBot.Digest;

internal static class DigestExtensions
{
    /// How often due digests are looked for, besides the daily trigger: retries and catch-up.
    public static readonly TimeSpan RetryInterval = TimeSpan.FromMinutes(5);

    /// The first catch-up waits a little after start, so the first poll has begun and the host is up.
    public static readonly TimeSpan FirstCatchUpDelay = TimeSpan.FromMinutes(1);

    /// <summary>The daily digest: options, ledger, service, and its Quartz job in the digest's time zone.</summary>
    public static IHostApplicationBuilder AddDigest(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<DigestOptions, DigestOptionsValidator>().BindConfiguration(DigestOptions.SectionName);
        builder.Services.AddSingleton<DigestLedger>();
        builder.Services.AddSingleton<DigestService>();
        builder.Services.AddSingleton<DigestSource>();
        builder.Services.AddSingleton<DigestAudience>();
        builder.Services.AddSingleton<DigestCalendar>();
        builder.Services.AddSingleton<DigestComposer>();
        builder.Services.AddSingleton<DigestMailer>();
        builder.Services.AddSingleton<DigestSender>();
        builder.Services.AddSingleton<ServerNameSource>();
        builder.Services.TryAddSingleton<IDigestPreparation, NoDigestPreparation>();
        builder.Services.TryAddSingleton<IDigestAbstracts, NoDigestAbstracts>();
        builder.Services.AddHealthChecks().AddCheck<DigestHealthCheck>("digest").AddCheck<AudienceHealthCheck>("audience");
        builder.Services.AddSingleton<IStatusSection, DigestStatusSection>();
        builder.Services.AddSingleton<IAdminAction, SendDigestNowAction>();
        builder.Services.AddSingleton<IAdminAction, TestMailAction>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, DigestJsonContext.Default));
        var section = builder.Configuration.GetSection(DigestOptions.SectionName);
        var sendAt = TimeOnly.TryParseExact(section["SendAt"], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : new TimeOnly(7, 0);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(section["TimeZone"] ?? "Europe/Brussels", out var found) ? found : TimeZoneInfo.Utc;
        builder.AddScheduling(quartz => quartz.AddDigestJob(sendAt, zone));

        return builder;
    }

    /// <summary>The digest job: a cron trigger at the send time in the zone (DST handled by Quartz), and a repeating one for retries.</summary>
    public static IQuartzBuilder AddDigestJob(this IQuartzBuilder quartz, TimeOnly sendAt, TimeZoneInfo zone)
    {
        quartz.AddJob<DigestJob>(job => job.WithIdentity(DigestJob.Key));
        quartz.AddTrigger(trigger => trigger
            .ForJob(DigestJob.Key)
            .WithIdentity("digest-daily", "digest")
            .WithCronSchedule(string.Create(CultureInfo.InvariantCulture, $"0 {sendAt.Minute} {sendAt.Hour} ? * *"), cron => cron.InTimeZone(zone)));
        quartz.AddTrigger(trigger => trigger
            .ForJob(DigestJob.Key)
            .WithIdentity("digest-due", "digest")
            .StartAt(TimeProvider.System.GetUtcNow() + FirstCatchUpDelay)
            .WithSimpleSchedule(schedule => schedule.WithInterval(RetryInterval).RepeatForever()));
        return quartz;
    }
}
