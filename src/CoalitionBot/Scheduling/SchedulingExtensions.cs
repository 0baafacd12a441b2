using Quartz;

namespace CoalitionBot.Scheduling;

internal static class SchedulingExtensions
{
    /// <summary>
    /// Quartz, started and stopped with the host (running jobs finish first), plus the jobs a
    /// feature contributes. Every feature calls this; the scheduler itself is registered once.
    /// Quartz 4 documents <c>AddQuartz</c> as additive for the default scheduler, so each
    /// feature's <paramref name="configure"/> adds its jobs to the same scheduler. Each job ends by calling
    /// <see cref="IdleMemoryRelease"/>, which hands back what the job's work left to the GC.
    /// </summary>
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder, Action<IQuartzBuilder>? configure = null)
    {
        if (!builder.Services.Any(d => d.ServiceType == typeof(SchedulingRegistered)))
        {
            builder.Services.AddSingleton<SchedulingRegistered>();
            builder.Services.AddSingleton<IdleMemoryRelease>();
            builder.AddQuartz(quartz => quartz.UseTimeProvider(TimeProvider.System));
            builder.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        }

        if (configure is not null)
        {
            builder.AddQuartz(configure);
        }

        return builder;
    }

    /// Marks the scheduler as registered, so a second feature does not register it again.
    private sealed class SchedulingRegistered;
}
