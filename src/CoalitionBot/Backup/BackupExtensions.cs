using CoalitionBot.Operations;
using CoalitionBot.Configuration;
using CoalitionBot.Localization;
using CoalitionBot.Scheduling;
using Microsoft.Extensions.Options;
using Quartz;

namespace CoalitionBot.Backup;

internal static class BackupExtensions
{
    /// <summary>
    /// Nightly consistent snapshots of the database into Backup:Path, kept Backup:KeepDays days,
    /// taken at Backup:At in Digest:TimeZone; the "backup" health check and the admin page's
    /// "back up now". Restoring one is docs/operations.md.
    /// </summary>
    public static IHostApplicationBuilder AddBackup(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<BackupOptions, BackupOptionsValidator>().BindConfiguration(BackupOptions.SectionName);
        builder.AddLocale();
        builder.Services.AddSingleton<SnapshotWriter>();
        builder.Services.AddSingleton<IAdminAction, BackupNowAction>();
        builder.Services.AddHealthChecks().AddCheck<BackupHealthCheck>("backup");
        builder.AddScheduling(quartz => quartz.ScheduleJob<BackupJob>(
            (services, trigger) =>
            {
                var at = services.GetRequiredService<IOptions<BackupOptions>>().Value.GetAt();
                var zone = services.GetRequiredService<IOptions<LocaleOptions>>().Value.GetZone();
                trigger.WithIdentity(BackupJob.Key.Name).WithCronSchedule($"0 {at.Minute} {at.Hour} * * ?", cron => cron.InTimeZone(zone));
            },
            (_, job) => job.WithIdentity(BackupJob.Key)));
        return builder;
    }
}
